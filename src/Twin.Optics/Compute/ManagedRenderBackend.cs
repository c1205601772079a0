using System.Buffers;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Twin.Optics.Rendering;

namespace Twin.Optics.Compute;

/// <summary>
/// The managed CPU path: System.Numerics vectors over columns, rows split among threads. Sample
/// rows are formed two at a time: for every slice, one vertical pass over the rows the kernel
/// reaches fills a one-row buffer for each of the two (every source row loaded once for both),
/// then a horizontal pass adds each into its row's sum; then 10^(−OD), weighted into the
/// camera-pixel row. Nothing larger than a row is written between passes, so the working set
/// stays in cache.
/// </summary>
public sealed class ManagedRenderBackend : IRenderBackend
{
    // below this many interior samples a job runs on the calling thread: splitting costs more
    private const int ParallelThreshold = 32 * 1024;

    // ln 10: 10^(−x) = e^(−x·ln 10)
    private const float Ln10 = 2.302585093f;

    /// <summary>Creates the backend.</summary>
    /// <param name="threads">Largest number of threads one call uses; 0 or less means
    /// <see cref="Environment.ProcessorCount"/>.</param>
    public ManagedRenderBackend(int threads = 0)
    {
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
    }

    /// <summary>A shared instance using every core (stateless, so safe to share).</summary>
    public static ManagedRenderBackend Shared { get; } = new();

    /// <summary>Largest number of threads one call uses.</summary>
    public int Threads { get; }

    /// <inheritdoc/>
    public string Name => "cpu";

    /// <inheritdoc/>
    public string Description =>
        $"cpu (managed SIMD, {Vector<float>.Count}-wide float, {Threads} threads)";

    /// <inheritdoc/>
    public void Form(FormationJob job, Span<float> transmission)
    {
        job.Validate();
        int plane = job.Width * job.Height;
        if (transmission.Length < job.Channels.Length * plane)
        {
            throw new ArgumentException("output too small", nameof(transmission));
        }

        var kernels = Kernels(job);
        int units = job.Channels.Length * job.Bands;
        long samples = (long)job.InnerWidth * job.Height * job.SubSamples * job.Channels.Length;
        int chunks = 1;
        if (Threads > 1 && samples >= ParallelThreshold)
        {
            // enough pieces that threads stay busy, none shorter than 4 pixel rows
            int wanted = (4 * Threads + units - 1) / units;
            chunks = Math.Clamp(wanted, 1, Math.Max(1, job.BandRows / 4));
        }

        int total = units * chunks;
        if (total == 1 || Threads == 1 || samples < ParallelThreshold)
        {
            for (int u = 0; u < total; u++)
            {
                RunUnit(job, kernels, u, chunks, transmission);
            }

            return;
        }

        // units write disjoint rows of the output; a pointer carries it into the lambdas
        unsafe
        {
            fixed (float* output = transmission)
            {
                float* shared = output;
                int length = transmission.Length;
                var options = new ParallelOptions { MaxDegreeOfParallelism = Threads };
                Parallel.For(0, total, options, u =>
                    RunUnit(job, kernels, u, chunks, new Span<float>(shared, length)));
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>Normalised Gaussian taps per [channel index][band][slice], centre at r.</summary>
    internal static float[][] Kernels(FormationJob job)
    {
        var kernels = new float[job.Channels.Length * job.Bands * job.Slices][];
        for (int ci = 0; ci < job.Channels.Length; ci++)
        {
            for (int b = 0; b < job.Bands; b++)
            {
                for (int s = 0; s < job.Slices; s++)
                {
                    int r = job.Radius(ci, b, s);
                    var k = new float[(2 * r) + 1];
                    GaussianBlur.Kernel(job.Sigma(ci, b, s), k);
                    kernels[(((ci * job.Bands) + b) * job.Slices) + s] = k;
                }
            }
        }

        return kernels;
    }

    private static void RunUnit(
        FormationJob job, float[][] kernels, int unit, int chunks, Span<float> output)
    {
        int q = unit / chunks;
        int chunk = unit % chunks;
        int ci = q / job.Bands;
        int band = q % job.Bands;
        int p0 = chunk * job.BandRows / chunks;
        int p1 = (chunk + 1) * job.BandRows / chunks;
        int vw = Vector<float>.Count;
        int rowBuffer = job.SampleWidth + vw;
        float[] tmpA = ArrayPool<float>.Shared.Rent(rowBuffer);
        float[] tmpB = ArrayPool<float>.Shared.Rent(rowBuffer);
        float[] accA = ArrayPool<float>.Shared.Rent(rowBuffer);
        float[] accB = ArrayPool<float>.Shared.Rent(rowBuffer);
        try
        {
            int c = job.Channels[ci];
            int planeSize = job.SampleWidth * job.SampleHeight;
            int sub = job.SubSamples;
            int n = job.InnerWidth;
            float norm = 1f / (sub * sub);
            int bandOut = (ci * job.Width * job.Height) + (band * job.BandRows * job.Width);
            output.Slice(bandOut + (p0 * job.Width), (p1 - p0) * job.Width).Clear();
            // sample rows two at a time: the vertical pass shares each loaded row between them
            int s1 = p1 * sub;
            for (int sy = p0 * sub; sy < s1; sy += 2)
            {
                bool pair = sy + 1 < s1;
                // the row in the haloed planes
                int srcRow = (band * job.BandSamples) + sy + job.Halo;
                Array.Clear(accA, 0, n);
                Array.Clear(accB, 0, n);
                for (int s = 0; s < job.Slices; s++)
                {
                    float[] k = kernels[(((ci * job.Bands) + band) * job.Slices) + s];
                    int r = k.Length / 2;
                    int planeBase = ((s * 3) + c) * planeSize;
                    int start = planeBase + (srcRow * job.SampleWidth) + job.Halo - r;
                    if (pair)
                    {
                        VerticalPair(job.Od, start, job.SampleWidth, k, n + (2 * r), tmpA, tmpB);
                        Horizontal(tmpA, k, n, accA);
                        Horizontal(tmpB, k, n, accB);
                    }
                    else
                    {
                        Vertical(job.Od, start, job.SampleWidth, k, n + (2 * r), tmpA);
                        Horizontal(tmpA, k, n, accA);
                    }
                }

                Transmit(accA, n, sub, norm, output.Slice(bandOut + (sy / sub * job.Width)));
                if (pair)
                {
                    Transmit(accB, n, sub, norm,
                        output.Slice(bandOut + ((sy + 1) / sub * job.Width)));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tmpA);
            ArrayPool<float>.Shared.Return(tmpB);
            ArrayPool<float>.Shared.Return(accA);
            ArrayPool<float>.Shared.Return(accB);
        }
    }

    /// <summary>
    /// The vertical blur of two neighbouring rows at once, row y into
    /// <paramref name="tmpA"/> and y + 1 into <paramref name="tmpB"/>, each exactly as
    /// <see cref="Vertical"/> forms it. Row y needs src rows y ± d and row y + 1 needs
    /// y + 1 ± d; stepping d upward, y + 1 − d is the row loaded one step earlier as y − d,
    /// and y + d the one loaded as y + 1 + d, so each source row is read once for both: half
    /// the loads, which bound the single-row pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void VerticalPair(
        float[] src, int start, int stride, float[] k, int n, float[] tmpA, float[] tmpB)
    {
        int r = k.Length / 2;
        Debug.Assert(start - (r * stride) >= 0 && start + ((r + 1) * stride) + n <= src.Length);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(src);
        ref float a0 = ref MemoryMarshal.GetArrayDataReference(tmpA);
        ref float b0 = ref MemoryMarshal.GetArrayDataReference(tmpB);
        ref float k0 = ref MemoryMarshal.GetArrayDataReference(k);
        int vw = Vector<float>.Count;
        nuint row = (nuint)stride;
        int x = 0;
        for (; x <= n - (2 * vw); x += 2 * vw)
        {
            nuint at = (nuint)(start + x);
            nuint at1 = at + (nuint)vw;
            var c = new Vector<float>(Unsafe.Add(ref k0, r));
            // lo: row y + 1 − d, hi: row y + d (both of the step before)
            var lo0 = Vector.LoadUnsafe(ref s0, at);
            var lo1 = Vector.LoadUnsafe(ref s0, at1);
            var hi0 = Vector.LoadUnsafe(ref s0, at + row);
            var hi1 = Vector.LoadUnsafe(ref s0, at1 + row);
            var ya0 = lo0 * c;
            var ya1 = lo1 * c;
            var yb0 = hi0 * c;
            var yb1 = hi1 * c;
            for (int d = 1; d <= r; d++)
            {
                var w = new Vector<float>(Unsafe.Add(ref k0, r + d));
                nuint up = at - ((nuint)d * row);
                nuint dn = at + ((nuint)(d + 1) * row);
                var up0 = Vector.LoadUnsafe(ref s0, up);
                var up1 = Vector.LoadUnsafe(ref s0, up + (nuint)vw);
                var dn0 = Vector.LoadUnsafe(ref s0, dn);
                var dn1 = Vector.LoadUnsafe(ref s0, dn + (nuint)vw);
                ya0 = Vector.FusedMultiplyAdd(up0 + hi0, w, ya0);
                ya1 = Vector.FusedMultiplyAdd(up1 + hi1, w, ya1);
                yb0 = Vector.FusedMultiplyAdd(lo0 + dn0, w, yb0);
                yb1 = Vector.FusedMultiplyAdd(lo1 + dn1, w, yb1);
                lo0 = up0;
                lo1 = up1;
                hi0 = dn0;
                hi1 = dn1;
            }

            ya0.StoreUnsafe(ref a0, (nuint)x);
            ya1.StoreUnsafe(ref a0, (nuint)(x + vw));
            yb0.StoreUnsafe(ref b0, (nuint)x);
            yb1.StoreUnsafe(ref b0, (nuint)(x + vw));
        }

        if (x < n)
        {
            // the last columns, one row at a time
            Vertical(src, start + x, stride, k, n - x, tmpA.AsSpan(x));
            Vertical(src, start + x + stride, stride, k, n - x, tmpB.AsSpan(x));
        }
    }

    /// <summary>
    /// tmp[x] = Σₖ k[r + d]·src[start + x + d·stride], d = −r…r, for x in [0, n): the vertical
    /// blur of one row. The symmetric taps are paired, w·(above + below), and four vectors are
    /// formed at once so each weight is broadcast once per four.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vertical(
        float[] src, int start, int stride, float[] k, int n, Span<float> tmp)
    {
        int r = k.Length / 2;
        Debug.Assert(start - (r * stride) >= 0 && start + (r * stride) + n <= src.Length);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(src);
        ref float t0 = ref MemoryMarshal.GetReference(tmp);
        ref float k0 = ref MemoryMarshal.GetArrayDataReference(k);
        int vw = Vector<float>.Count;
        int x = 0;
        for (; x <= n - (4 * vw); x += 4 * vw)
        {
            nuint at = (nuint)(start + x);
            var c = new Vector<float>(Unsafe.Add(ref k0, r));
            var v0 = Vector.LoadUnsafe(ref s0, at) * c;
            var v1 = Vector.LoadUnsafe(ref s0, at + (nuint)vw) * c;
            var v2 = Vector.LoadUnsafe(ref s0, at + (nuint)(2 * vw)) * c;
            var v3 = Vector.LoadUnsafe(ref s0, at + (nuint)(3 * vw)) * c;
            for (int d = 1; d <= r; d++)
            {
                var w = new Vector<float>(Unsafe.Add(ref k0, r + d));
                nuint up = at - (nuint)(d * stride);
                nuint dn = at + (nuint)(d * stride);
                v0 = Vector.FusedMultiplyAdd(
                    Vector.LoadUnsafe(ref s0, up) + Vector.LoadUnsafe(ref s0, dn), w, v0);
                v1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref s0, up + (nuint)vw)
                    + Vector.LoadUnsafe(ref s0, dn + (nuint)vw), w, v1);
                v2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref s0, up + (nuint)(2 * vw))
                    + Vector.LoadUnsafe(ref s0, dn + (nuint)(2 * vw)), w, v2);
                v3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref s0, up + (nuint)(3 * vw))
                    + Vector.LoadUnsafe(ref s0, dn + (nuint)(3 * vw)), w, v3);
            }

            v0.StoreUnsafe(ref t0, (nuint)x);
            v1.StoreUnsafe(ref t0, (nuint)(x + vw));
            v2.StoreUnsafe(ref t0, (nuint)(x + (2 * vw)));
            v3.StoreUnsafe(ref t0, (nuint)(x + (3 * vw)));
        }

        for (; x <= n - vw; x += vw)
        {
            nuint at = (nuint)(start + x);
            var v = Vector.LoadUnsafe(ref s0, at) * new Vector<float>(k[r]);
            for (int d = 1; d <= r; d++)
            {
                nuint off = (nuint)(d * stride);
                v = Vector.FusedMultiplyAdd(
                    Vector.LoadUnsafe(ref s0, at + off) + Vector.LoadUnsafe(ref s0, at - off),
                    new Vector<float>(k[r + d]), v);
            }

            v.StoreUnsafe(ref t0, (nuint)x);
        }

        for (; x < n; x++)
        {
            int at = start + x;
            float v = src[at] * k[r];
            for (int d = 1; d <= r; d++)
            {
                v = MathF.FusedMultiplyAdd(src[at + (d * stride)] + src[at - (d * stride)],
                    k[r + d], v);
            }

            tmp[x] = v;
        }
    }

    /// <summary>
    /// acc[x] += Σₖ k[r + d]·tmp[x + r + d], d = −r…r, for x in [0, w); paired taps and four
    /// vectors at once, as in <see cref="Vertical"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Horizontal(float[] tmp, float[] k, int w, float[] acc)
    {
        int r = k.Length / 2;
        ref float t0 = ref MemoryMarshal.GetArrayDataReference(tmp);
        ref float a0 = ref MemoryMarshal.GetArrayDataReference(acc);
        ref float k0 = ref MemoryMarshal.GetArrayDataReference(k);
        int vw = Vector<float>.Count;
        int x = 0;
        for (; x <= w - (4 * vw); x += 4 * vw)
        {
            nuint at = (nuint)(x + r);
            var c = new Vector<float>(Unsafe.Add(ref k0, r));
            var v0 = Vector.LoadUnsafe(ref t0, at) * c;
            var v1 = Vector.LoadUnsafe(ref t0, at + (nuint)vw) * c;
            var v2 = Vector.LoadUnsafe(ref t0, at + (nuint)(2 * vw)) * c;
            var v3 = Vector.LoadUnsafe(ref t0, at + (nuint)(3 * vw)) * c;
            for (int d = 1; d <= r; d++)
            {
                var wd = new Vector<float>(Unsafe.Add(ref k0, r + d));
                nuint lo = at - (nuint)d;
                nuint hi = at + (nuint)d;
                v0 = Vector.FusedMultiplyAdd(
                    Vector.LoadUnsafe(ref t0, lo) + Vector.LoadUnsafe(ref t0, hi), wd, v0);
                v1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref t0, lo + (nuint)vw)
                    + Vector.LoadUnsafe(ref t0, hi + (nuint)vw), wd, v1);
                v2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref t0, lo + (nuint)(2 * vw))
                    + Vector.LoadUnsafe(ref t0, hi + (nuint)(2 * vw)), wd, v2);
                v3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref t0, lo + (nuint)(3 * vw))
                    + Vector.LoadUnsafe(ref t0, hi + (nuint)(3 * vw)), wd, v3);
            }

            (Vector.LoadUnsafe(ref a0, (nuint)x) + v0).StoreUnsafe(ref a0, (nuint)x);
            (Vector.LoadUnsafe(ref a0, (nuint)(x + vw)) + v1).StoreUnsafe(ref a0, (nuint)(x + vw));
            (Vector.LoadUnsafe(ref a0, (nuint)(x + (2 * vw))) + v2)
                .StoreUnsafe(ref a0, (nuint)(x + (2 * vw)));
            (Vector.LoadUnsafe(ref a0, (nuint)(x + (3 * vw))) + v3)
                .StoreUnsafe(ref a0, (nuint)(x + (3 * vw)));
        }

        for (; x <= w - vw; x += vw)
        {
            nuint at = (nuint)(x + r);
            var v = Vector.LoadUnsafe(ref t0, at) * new Vector<float>(k[r]);
            for (int d = 1; d <= r; d++)
            {
                v = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref t0, at + (nuint)d)
                    + Vector.LoadUnsafe(ref t0, at - (nuint)d), new Vector<float>(k[r + d]), v);
            }

            (Vector.LoadUnsafe(ref a0, (nuint)x) + v).StoreUnsafe(ref a0, (nuint)x);
        }

        for (; x < w; x++)
        {
            int at = x + r;
            float v = tmp[at] * k[r];
            for (int d = 1; d <= r; d++)
            {
                v = MathF.FusedMultiplyAdd(tmp[at + d] + tmp[at - d], k[r + d], v);
            }

            acc[x] += v;
        }
    }

    /// <summary>
    /// Adds 10^(−acc)·norm of one sample row into its camera-pixel row (sub samples per
    /// pixel along the row; the rows of a pixel arrive one by one).
    /// </summary>
    private static void Transmit(float[] acc, int n, int sub, float norm, Span<float> pixels)
    {
        ref float a0 = ref MemoryMarshal.GetArrayDataReference(acc);
        ref float p0 = ref MemoryMarshal.GetReference(pixels);
        int vw = Vector<float>.Count;
        var scale = new Vector<float>(-Ln10);
        var weight = new Vector<float>(norm);
        int x = 0;
        if (sub == 1)
        {
            Debug.Assert(pixels.Length >= n);
            for (; x <= n - vw; x += vw)
            {
                var t = Vector.Exp(Vector.LoadUnsafe(ref a0, (nuint)x) * scale);
                Vector.FusedMultiplyAdd(t, weight, Vector.LoadUnsafe(ref p0, (nuint)x))
                    .StoreUnsafe(ref p0, (nuint)x);
            }

            for (; x < n; x++)
            {
                pixels[x] = MathF.FusedMultiplyAdd(MathF.Exp(-Ln10 * acc[x]), norm, pixels[x]);
            }

            return;
        }

        for (; x <= n - vw; x += vw)
        {
            Vector.Exp(Vector.LoadUnsafe(ref a0, (nuint)x) * scale).StoreUnsafe(ref a0, (nuint)x);
        }

        for (; x < n; x++)
        {
            acc[x] = MathF.Exp(-Ln10 * acc[x]);
        }

        for (int i = 0; i < n; i++)
        {
            pixels[i / sub] = MathF.FusedMultiplyAdd(acc[i], norm, pixels[i / sub]);
        }
    }
}
