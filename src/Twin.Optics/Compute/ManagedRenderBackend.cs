using System.Buffers;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Twin.Optics.Rendering;

namespace Twin.Optics.Compute;

/// <summary>
/// The managed CPU path: System.Numerics vectors over columns, rows split among threads. Each
/// output sample row is formed in one sweep: for every slice, a vertical pass over the rows the
/// kernel reaches into a one-row buffer, then a horizontal pass added into the row's sum; then
/// 10^(−OD) and the pixel average. Nothing larger than a row is written between passes, so the
/// working set stays in cache.
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
        float[] tmp = ArrayPool<float>.Shared.Rent(rowBuffer);
        float[] acc = ArrayPool<float>.Shared.Rent(rowBuffer);
        float[] sum = ArrayPool<float>.Shared.Rent(job.Width + vw);
        try
        {
            int c = job.Channels[ci];
            int planeSize = job.SampleWidth * job.SampleHeight;
            int sub = job.SubSamples;
            float norm = 1f / (sub * sub);
            for (int py = p0; py < p1; py++)
            {
                Array.Clear(sum, 0, job.Width);
                for (int j = 0; j < sub; j++)
                {
                    // interior sample row, and its row in the haloed planes
                    int sy = (band * job.BandSamples) + (py * sub) + j;
                    int srcRow = sy + job.Halo;
                    Array.Clear(acc, 0, job.InnerWidth);
                    for (int s = 0; s < job.Slices; s++)
                    {
                        float[] k = kernels[(((ci * job.Bands) + band) * job.Slices) + s];
                        int r = k.Length / 2;
                        int planeBase = ((s * 3) + c) * planeSize;
                        int start = planeBase + (srcRow * job.SampleWidth) + job.Halo - r;
                        Vertical(job.Od, start, job.SampleWidth, k, job.InnerWidth + (2 * r), tmp);
                        Horizontal(tmp, k, job.InnerWidth, acc);
                    }

                    Transmit(acc, job.InnerWidth, sub, sum);
                }

                int outBase = (ci * job.Width * job.Height)
                    + (((band * job.BandRows) + py) * job.Width);
                for (int x = 0; x < job.Width; x++)
                {
                    output[outBase + x] = sum[x] * norm;
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tmp);
            ArrayPool<float>.Shared.Return(acc);
            ArrayPool<float>.Shared.Return(sum);
        }
    }

    /// <summary>
    /// tmp[x] = Σₖ k[r + d]·src[start + x + d·stride], d = −r…r, for x in [0, n): the vertical
    /// blur of one row. The symmetric taps are paired, w·(above + below), and four vectors are
    /// formed at once so each weight is broadcast once per four.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vertical(float[] src, int start, int stride, float[] k, int n, float[] tmp)
    {
        int r = k.Length / 2;
        Debug.Assert(start - (r * stride) >= 0 && start + (r * stride) + n <= src.Length);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(src);
        ref float t0 = ref MemoryMarshal.GetArrayDataReference(tmp);
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

    /// <summary>Adds 10^(−acc) of one sample row into the pixel sums (sub per pixel).</summary>
    private static void Transmit(float[] acc, int n, int sub, float[] sum)
    {
        ref float a0 = ref MemoryMarshal.GetArrayDataReference(acc);
        int vw = Vector<float>.Count;
        var scale = new Vector<float>(-Ln10);
        int x = 0;
        for (; x <= n - vw; x += vw)
        {
            Vector.Exp(Vector.LoadUnsafe(ref a0, (nuint)x) * scale).StoreUnsafe(ref a0, (nuint)x);
        }

        for (; x < n; x++)
        {
            acc[x] = MathF.Exp(-Ln10 * acc[x]);
        }

        if (sub == 1)
        {
            for (int i = 0; i < n; i++)
            {
                sum[i] += acc[i];
            }

            return;
        }

        for (int i = 0; i < n; i++)
        {
            sum[i / sub] += acc[i];
        }
    }
}
