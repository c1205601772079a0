using NetVips;

namespace Twin.Scenarios.Bench;

/// <summary>
/// The yardstick: libvips (through NetVips) blurring an RGB image with a Gaussian and encoding
/// it as JPEG, the work a conventional pipeline does per pixel. libvips runs on all cores.
/// </summary>
public static class LibvipsBench
{
    /// <summary>
    /// Blurs <paramref name="rgb"/> (size × size, interleaved RGB) with a Gaussian of
    /// <paramref name="sigmaPx"/> and encodes it as JPEG: one pass; returns the JPEG's bytes.
    /// The kernel reaches 3σ, as ours does (libvips' own default cuts it where it falls to 0.2
    /// of its peak, about 1.8σ).
    /// </summary>
    public static int BlurJpeg(byte[] rgb, int size, double sigmaPx, int quality)
    {
        // no operation cache: every pass must do the whole work, as a render pass does
        Cache.Max = 0;
        using var image = Image.NewFromMemory(rgb, size, size, 3, Enums.BandFormat.Uchar);
        // min_ampl = exp(−9/2): the kernel stops at 3σ
        using var blurred = image.Gaussblur(sigmaPx, minAmpl: Math.Exp(-4.5));
        return blurred.JpegsaveBuffer(q: quality).Length;
    }

    /// <summary>libvips' version, for the report.</summary>
    public static string Version() =>
        $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
}
