namespace Twin.Optics.Compute;

/// <summary>
/// Runs the hot kernel of image formation: every depth slice's optical density blurred by its
/// defocus Gaussian, summed over slices, turned into transmission 10^(−OD) and averaged over each
/// camera pixel's sub-samples. Implementations must agree within
/// <see cref="RenderBackends.AgreementTolerance"/> and be safe to call from several threads.
/// </summary>
public interface IRenderBackend : IDisposable
{
    /// <summary>Short name: <c>cpu</c>, <c>gpu</c> or <c>ilgpu-cpu</c>.</summary>
    string Name { get; }

    /// <summary>What runs the kernel, for people, e.g. "cpu (managed SIMD, 2 threads)".</summary>
    string Description { get; }

    /// <summary>
    /// Forms the transmission (0–1, dimensionless) of <paramref name="job"/> into
    /// <paramref name="transmission"/>, laid out [channel index][row][column] with
    /// <see cref="FormationJob.Width"/> × <see cref="FormationJob.Height"/> values per channel.
    /// </summary>
    void Form(FormationJob job, Span<float> transmission);
}
