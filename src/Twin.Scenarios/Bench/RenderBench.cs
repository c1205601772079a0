using System.Buffers;
using System.Diagnostics;
using Twin.Optics.Compute;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Scenarios.Bench;

/// <summary>
/// Rendering throughput: a block of 40x tiles of a 4 µm dense-tumour section, focused at
/// mid-section, formed into noisy 8-bit RGB by each backend present, all cores. Image
/// formation is timed on tissue sampled beforehand: the timed passes read it from a
/// <see cref="RegionCache"/> (the copy out of it counts). End to end, each pass synthesises
/// the tissue of a block not rendered before.
/// </summary>
public sealed class RenderBench
{
    private const double ThicknessUm = 4.0;
    private const double FocusUm = 2.0;
    private const double OriginUm = 1500;

    // a section large enough that end-to-end passes find fresh tissue for a long time
    private const double SectionUm = 6000;

    private readonly BenchOptions _options;
    private readonly ProceduralTissueVolume _tissue;
    private readonly RegionCache _volume;
    private int _freshBlocks;

    /// <summary>Prepares the section.</summary>
    public RenderBench(BenchOptions options)
    {
        _options = options;
        _tissue = new ProceduralTissueVolume(TissueKinds.DenseTumour, SectionUm, SectionUm,
            ThicknessUm, options.Seed);
        _volume = new RegionCache(_tissue, options.TilesPerSide * options.TilesPerSide);
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
    /// The first pass of a fresh process, tissue synthesised on the way (all cores, tiles in
    /// parallel), Mpx/s of finished RGB: what a short run sees while the runtime still
    /// compiles the code it meets.
    /// </summary>
    public double FirstPassMpxPerSec(IRenderBackend backend)
    {
        var clock = Stopwatch.StartNew();
        RenderBlock(backend, _volume, OriginUm, OriginUm);
        return BlockMpx / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One pass over the cached tissue: image formation of the whole block (blur of every slice
    /// and channel, transmission, pixel integration, noise, 8-bit quantisation), all cores.
    /// </summary>
    public void RenderPass(IRenderBackend backend) =>
        RenderBlock(backend, _volume, OriginUm, OriginUm);

    /// <summary>
    /// One end-to-end pass: a block of tissue never rendered before (stepping across the
    /// section's middle), synthesised and formed, all cores.
    /// </summary>
    public void FreshPass(IRenderBackend backend)
    {
        // an 8 × 8 grid of blocks 330 µm apart, all well inside the tissue outline
        int k = _freshBlocks++;
        RenderBlock(backend, _tissue, OriginUm + 400 + (k % 8 * 330.0),
            OriginUm + 400 + (k / 8 % 8 * 330.0));
    }

    private void RenderBlock(IRenderBackend backend, ITissueVolume volume, double x0, double y0)
    {
        var former = new ImageFormer(volume, ObjectiveModel.Forty, SensorModel.Default,
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
            former.RenderTile(x0 + (tx * tileUm), y0 + (ty * tileUm), tile, tile,
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
