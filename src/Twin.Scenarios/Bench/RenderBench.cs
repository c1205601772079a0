using System.Buffers;
using System.Diagnostics;
using Twin.Optics.Compute;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Scenarios.Bench;

/// <summary>
/// Rendering throughput: a block of 40x tiles of a 4 µm dense-tumour section, focused at
/// mid-section, formed into noisy 8-bit RGB by each backend present, all cores. Tissue
/// synthesis is timed on its own (first pass) and left out of the render figure: the timed
/// passes read the sampled tissue from a <see cref="RegionCache"/> (the copy out of it counts).
/// </summary>
public sealed class RenderBench
{
    private const double ThicknessUm = 4.0;
    private const double FocusUm = 2.0;
    private const double OriginUm = 600;

    private readonly BenchOptions _options;
    private readonly RegionCache _volume;

    /// <summary>Prepares the section.</summary>
    public RenderBench(BenchOptions options)
    {
        _options = options;
        _volume = new RegionCache(
            new ProceduralTissueVolume(TissueKinds.DenseTumour, 2000, 2000, ThicknessUm,
                options.Seed),
            options.TilesPerSide * options.TilesPerSide);
    }

    /// <summary>Planes blurred per output pixel: depth slices × three colour channels.</summary>
    public int PlanesPerPixel => _volume.Slices * 3;

    /// <summary>Pixels in the block, Mpx.</summary>
    public double BlockMpx =>
        _options.TilesPerSide * _options.TilesPerSide * _options.TilePx * _options.TilePx / 1e6;

    /// <summary>The last block rendered, interleaved RGB, row-major over the whole block.</summary>
    public byte[] Block { get; private set; } = [];

    /// <summary>Block width and height, pixels.</summary>
    public int BlockPx => _options.TilesPerSide * _options.TilePx;

    /// <summary>
    /// Mean blur σ of the job, camera pixels: the average over slices and channels of the
    /// defocus σ, for giving libvips a comparable kernel.
    /// </summary>
    public double MeanSigmaPx()
    {
        var objective = ObjectiveModel.Forty;
        int slices = _volume.Slices;
        double slice = ThicknessUm / slices;
        double sum = 0;
        foreach (double lambda in ObjectiveModel.ChannelWavelengthsUm)
        {
            for (int s = 0; s < slices; s++)
            {
                double z = FocusUm - ((s + 0.5) * slice);
                double psf = DefocusPsf.LayerSigmaUm(z, slice, lambda, objective);
                double px = objective.PixelSizeUm;
                sum += Math.Sqrt((psf * psf) + (px * px / 12)) / px;
            }
        }

        return sum / (3 * slices);
    }

    /// <summary>
    /// First pass, tissue synthesised on the way (all cores, tiles in parallel): end-to-end
    /// throughput, Mpx/s of finished RGB.
    /// </summary>
    public double FirstPassMpxPerSec(IRenderBackend backend)
    {
        var clock = Stopwatch.StartNew();
        RenderBlock(backend);
        return BlockMpx / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One pass over the cached tissue: image formation of the whole block (blur of every slice
    /// and channel, transmission, pixel integration, noise, 8-bit quantisation), all cores.
    /// </summary>
    public void RenderPass(IRenderBackend backend) => RenderBlock(backend);

    private void RenderBlock(IRenderBackend backend)
    {
        var former = new ImageFormer(_volume, ObjectiveModel.Forty, SensorModel.Default,
            backend: backend);
        int n = _options.TilesPerSide;
        int tile = _options.TilePx;
        int block = BlockPx;
        double tileUm = tile * ObjectiveModel.Forty.PixelSizeUm;
        // one block, reused pass after pass
        byte[] output = Block.Length == block * block * 3 ? Block : new byte[block * block * 3];
        Parallel.For(0, n * n, i =>
        {
            int tx = i % n;
            int ty = i / n;
            byte[] rgb = ArrayPool<byte>.Shared.Rent(tile * tile * 3);
            former.RenderTile(OriginUm + (tx * tileUm), OriginUm + (ty * tileUm), tile, tile,
                FocusUm, (ulong)i, rgb);
            for (int row = 0; row < tile; row++)
            {
                rgb.AsSpan(row * tile * 3, tile * 3).CopyTo(
                    output.AsSpan((((ty * tile) + row) * block * 3) + (tx * tile * 3)));
            }

            ArrayPool<byte>.Shared.Return(rgb);
        });
        Block = output;
    }
}
