using NUnit.Framework;
using Twin.Optics.Compute;
using Twin.Optics.Psf;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// Every backend present gives the managed CPU path's numbers within
/// <see cref="RenderBackends.AgreementTolerance"/> (1e-4 in transmission), on raw jobs and
/// through the image former on synthesised tissue.
/// </summary>
[TestFixture]
public sealed class BackendAgreementTests
{
    private static IEnumerable<string> Others() =>
        RenderBackends.Present().Where(name => name != "cpu");

    [TestCaseSource(nameof(Others))]
    public void Form_RandomJobs_AgreeWithManagedCpu(string device)
    {
        using var reference = RenderBackends.Create("cpu");
        using var other = RenderBackends.Create(device);
        for (int seed = 1; seed <= 3; seed++)
        {
            var job = BackendJobs.Random(seed, bands: 2, sigmas: [0.4f * seed, 1.7f]);
            var a = new float[3 * job.Width * job.Height];
            var b = new float[a.Length];
            reference.Form(job, a);
            other.Form(job, b);
            double worst = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
            Assert.That(worst, Is.LessThan(RenderBackends.AgreementTolerance), $"seed {seed}");
        }
    }

    [TestCaseSource(nameof(Others))]
    public void Transmission_TissueTile_AgreesWithManagedCpu(string device)
    {
        using var other = RenderBackends.Create(device);
        var a = new float[3 * 10 * 8];
        var b = new float[a.Length];
        // 20x: two samples per pixel; 1.3 µm out of focus in a 4 µm section
        RenderScenes.Former(TissueKinds.DenseTumour, 4.0, 3, ObjectiveModel.Twenty)
            .Transmission(1000, 1000, 10, 8, [3.3], 8, [0, 1, 2], a);
        RenderScenes.Former(TissueKinds.DenseTumour, 4.0, 3, ObjectiveModel.Twenty, other)
            .Transmission(1000, 1000, 10, 8, [3.3], 8, [0, 1, 2], b);
        Assert.That(a.Zip(b, (x, y) => Math.Abs(x - y)).Max(),
            Is.LessThan(RenderBackends.AgreementTolerance));
        // and the tile is not trivially glass
        Assert.That(a.Min(), Is.LessThan(0.9f));
    }
}
