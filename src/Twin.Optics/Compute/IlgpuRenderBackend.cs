using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace Twin.Optics.Compute;

/// <summary>
/// The image-formation kernel on an ILGPU accelerator (CUDA, OpenCL, or ILGPU's CPU emulator for
/// tests). Two kernels per call: a vertical blur of every (channel, band, slice) plane into a
/// device buffer, then one thread per output pixel that runs the horizontal blur of each slice,
/// sums over slices, takes 10^(−OD) and averages the pixel's sub-samples. The same arithmetic, in
/// the same order, as <see cref="ManagedRenderBackend"/>. Calls are serialised on one stream.
/// </summary>
public sealed class IlgpuRenderBackend : IRenderBackend
{
    private const float Ln10 = 2.302585093f;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly object _gate = new();

    private readonly Action<Index3D, ArrayView<float>, ArrayView<float>, ArrayView<float>,
        ArrayView<int>, Dims> _vertical;

    private readonly Action<Index3D, ArrayView<float>, ArrayView<float>, ArrayView<int>,
        ArrayView<float>, Dims> _horizontal;

    private MemoryBuffer1D<float, Stride1D.Dense>? _od;
    private MemoryBuffer1D<float, Stride1D.Dense>? _tmp;
    private MemoryBuffer1D<float, Stride1D.Dense>? _weights;
    private MemoryBuffer1D<int, Stride1D.Dense>? _passes;
    private MemoryBuffer1D<float, Stride1D.Dense>? _out;
    private bool _disposed;

    /// <summary>
    /// Takes ownership of <paramref name="context"/> and runs on <paramref name="device"/>
    /// (created by <see cref="RenderBackends"/>).
    /// </summary>
    internal IlgpuRenderBackend(Context context, Device device, string name)
    {
        _context = context;
        _accelerator = device.CreateAccelerator(context);
        Name = name;
        string kind = device.AcceleratorType switch
        {
            AcceleratorType.Cuda => "CUDA",
            AcceleratorType.OpenCL => "OpenCL",
            _ => "ILGPU CPU emulator, for tests",
        };
        Description = $"{name} ({kind}: {device.Name.Trim()})";
        _vertical = _accelerator.LoadAutoGroupedStreamKernel<Index3D, ArrayView<float>,
            ArrayView<float>, ArrayView<float>, ArrayView<int>, Dims>(VerticalKernel);
        _horizontal = _accelerator.LoadAutoGroupedStreamKernel<Index3D, ArrayView<float>,
            ArrayView<float>, ArrayView<int>, ArrayView<float>, Dims>(HorizontalKernel);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public void Form(FormationJob job, Span<float> transmission)
    {
        job.Validate();
        int plane = job.Width * job.Height;
        if (transmission.Length < job.Channels.Length * plane)
        {
            throw new ArgumentException("output too small", nameof(transmission));
        }

        int passes = job.Channels.Length * job.Bands * job.Slices;
        int stride = (2 * job.Halo) + 1;
        var weights = new float[passes * stride];
        var info = new int[passes * 3];
        var kernels = ManagedRenderBackend.Kernels(job);
        int planeSize = job.SampleWidth * job.SampleHeight;
        for (int p = 0; p < passes; p++)
        {
            int s = p % job.Slices;
            int band = p / job.Slices % job.Bands;
            int ci = p / (job.Slices * job.Bands);
            float[] k = kernels[p];
            int r = k.Length / 2;
            // taps stored centred at Halo, zero beyond the radius
            Array.Copy(k, 0, weights, (p * stride) + job.Halo - r, k.Length);
            info[(p * 3) + 0] = r;
            info[(p * 3) + 1] = ((s * 3) + job.Channels[ci]) * planeSize;
            info[(p * 3) + 2] = (band * job.BandSamples) + job.Halo;
        }

        var dims = new Dims(job.SampleWidth, job.BandSamples, job.Halo, stride, job.Slices,
            job.SubSamples, job.Width, job.Height, job.BandRows, job.Bands);
        long odLength = (long)job.Slices * 3 * planeSize;
        long tmpLength = (long)passes * job.BandSamples * job.SampleWidth;
        long outLength = (long)job.Channels.Length * plane;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var od = Ensure(ref _od, odLength);
            var tmp = Ensure(ref _tmp, tmpLength);
            var w = Ensure(ref _weights, weights.Length);
            var pi = Ensure(ref _passes, info.Length);
            var output = Ensure(ref _out, outLength);
            od.View.SubView(0, odLength).CopyFromCPU(ref job.Od[0], odLength);
            w.View.SubView(0, weights.Length).CopyFromCPU(weights);
            pi.View.SubView(0, info.Length).CopyFromCPU(info);
            _vertical(new Index3D(job.SampleWidth, job.BandSamples, passes), od.View,
                tmp.View, w.View, pi.View, dims);
            _horizontal(new Index3D(job.Width, job.BandRows, job.Channels.Length * job.Bands),
                tmp.View, w.View, pi.View, output.View, dims);
            output.View.SubView(0, outLength).CopyToCPU(ref transmission[0], outLength);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _od?.Dispose();
            _tmp?.Dispose();
            _weights?.Dispose();
            _passes?.Dispose();
            _out?.Dispose();
            _accelerator.Dispose();
            _context.Dispose();
        }
    }

    private static void VerticalKernel(
        Index3D i, ArrayView<float> od, ArrayView<float> tmp, ArrayView<float> weights,
        ArrayView<int> passes, Dims d)
    {
        int p = i.Z;
        int r = passes[(p * 3) + 0];
        int src = passes[(p * 3) + 1] + ((passes[(p * 3) + 2] + i.Y) * d.SampleWidth) + i.X;
        int w = (p * d.KernelStride) + d.Halo;
        float v = od[src] * weights[w];
        for (int k = 1; k <= r; k++)
        {
            v += (od[src + (k * d.SampleWidth)] + od[src - (k * d.SampleWidth)]) * weights[w + k];
        }

        tmp[(((long)p * d.BandSamples) + i.Y) * d.SampleWidth + i.X] = v;
    }

    private static void HorizontalKernel(
        Index3D i, ArrayView<float> tmp, ArrayView<float> weights, ArrayView<int> passes,
        ArrayView<float> output, Dims d)
    {
        int q = i.Z;
        int ci = q / d.Bands;
        int band = q % d.Bands;
        float t = 0f;
        for (int j = 0; j < d.Sub; j++)
        {
            int y = (i.Y * d.Sub) + j;
            for (int a = 0; a < d.Sub; a++)
            {
                int x = (i.X * d.Sub) + a + d.Halo;
                float acc = 0f;
                for (int s = 0; s < d.Slices; s++)
                {
                    int p = (q * d.Slices) + s;
                    int r = passes[p * 3];
                    int w = (p * d.KernelStride) + d.Halo;
                    long row = (((long)p * d.BandSamples) + y) * d.SampleWidth;
                    float v = tmp[row + x] * weights[w];
                    for (int k = 1; k <= r; k++)
                    {
                        v += (tmp[row + x + k] + tmp[row + x - k]) * weights[w + k];
                    }

                    acc += v;
                }

                t += XMath.Exp(-Ln10 * acc);
            }
        }

        long at = ((long)ci * d.Width * d.Height) + (((band * d.BandRows) + i.Y) * d.Width) + i.X;
        output[at] = t / (d.Sub * d.Sub);
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Ensure<T>(
        ref MemoryBuffer1D<T, Stride1D.Dense>? buffer, long length)
        where T : unmanaged
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = _accelerator.Allocate1D<T>(Math.Max(length, 1));
        }

        return buffer;
    }

    /// <summary>Sizes the kernels need, passed by value (plain fields, copied by ILGPU).</summary>
    internal readonly struct Dims(
        int sampleWidth, int bandSamples, int halo, int kernelStride, int slices, int sub,
        int width, int height, int bandRows, int bands)
    {
        public readonly int SampleWidth = sampleWidth;
        public readonly int BandSamples = bandSamples;
        public readonly int Halo = halo;
        public readonly int KernelStride = kernelStride;
        public readonly int Slices = slices;
        public readonly int Sub = sub;
        public readonly int Width = width;
        public readonly int Height = height;
        public readonly int BandRows = bandRows;
        public readonly int Bands = bands;
    }
}
