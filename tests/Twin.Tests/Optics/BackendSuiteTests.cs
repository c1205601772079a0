using NUnit.Framework;
using Twin.Optics.Compute;
using Twin.Optics.Rendering;

namespace Twin.Tests.Optics;

/// <summary>
/// The image-formation kernel's contract, written once and run on every backend present: the
/// managed CPU path, ILGPU's CPU emulator (tiny images only: it is ~700× slower) and a GPU when
/// there is one (ignored otherwise).
/// </summary>
[TestFixtureSource(nameof(Backends))]
public sealed class BackendSuiteTests(string device)
{
    private IRenderBackend _backend = null!;

    /// <summary>Every backend name a machine can have (auto is one of these).</summary>
    public static IEnumerable<string> Backends() => ["cpu", "ilgpu-cpu", "gpu"];

    [OneTimeSetUp]
    public void Start()
    {
        if (device == "gpu" && !RenderBackends.GpuPresent())
        {
            Assert.Ignore("no CUDA or OpenCL device on this machine");
        }

        _backend = RenderBackends.Create(device);
    }

    [OneTimeTearDown]
    public void Stop() => _backend?.Dispose();

    [Test]
    public void Form_UniformDensity_GivesBeerLambertTransmission()
    {
        // taps sum to 1, so a uniform plane stays uniform: T = 10^(−Σ OD) over slices
        var job = BackendJobs.Uniform(slices: 3, od: [0.1f, 0.25f, 0.05f]);
        var t = Run(job);
        double expected = Math.Pow(10, -0.4);
        Assert.That(t.Max(v => Math.Abs(v - expected)), Is.LessThan(2e-6));
    }

    [Test]
    public void Form_SinglePoint_SpreadsAsTheOuterProductOfTheKernel()
    {
        // a faint point (OD ε) gives T ≈ 1 − ln10·ε·k(x)·k(y): the linearised response is the
        // separable kernel itself
        const float eps = 1e-3f;
        const float sigma = 1.3f;
        var job = BackendJobs.Point(eps, sigma);
        var t = Run(job);
        int r = GaussianBlur.RadiusFor(sigma);
        var k = new float[(2 * r) + 1];
        GaussianBlur.Kernel(sigma, k);
        int cx = job.Width / 2;
        int cy = job.Height / 2;
        for (int dy = -r; dy <= r; dy++)
        {
            for (int dx = -r; dx <= r; dx++)
            {
                double response = -Math.Log10(t[((cy + dy) * job.Width) + cx + dx]) / eps;
                Assert.That(response, Is.EqualTo(k[dx + r] * k[dy + r]).Within(2e-3),
                    $"({dx}, {dy})");
            }
        }
    }

    [Test]
    public void Form_TwoSubSamplesPerPixel_AveragesTransmissionNotDensity()
    {
        // a checkerboard of OD 0 and 1 with a near-delta kernel: a camera pixel integrates light,
        // so it reads (1 + 0.1)/2 = 0.55, not 10^(−0.5) = 0.316
        var job = BackendJobs.Checker(sub: 2);
        var t = Run(job);
        Assert.That(t.Max(v => Math.Abs(v - 0.55)), Is.LessThan(1e-4));
    }

    [Test]
    public void Form_TwoBands_EachUsesItsOwnSigma()
    {
        var both = BackendJobs.Random(seed: 5, bands: 2, sigmas: [0.6f, 2.2f]);
        var t = Run(both);
        for (int band = 0; band < 2; band++)
        {
            var alone = BackendJobs.Random(seed: 5, bands: 2, sigmas: [0.6f, 2.2f], only: band);
            var expected = Run(alone);
            int rows = both.BandRows * both.Width;
            for (int i = 0; i < rows; i++)
            {
                Assert.That(t[(band * rows) + i], Is.EqualTo(expected[(band * rows) + i])
                    .Within(RenderBackends.AgreementTolerance));
            }
        }
    }

    [Test]
    public void Form_OneChannel_EqualsThatChannelOfAllThree()
    {
        var all = BackendJobs.Random(seed: 9, bands: 1, sigmas: [1.1f]);
        var green = BackendJobs.Random(seed: 9, bands: 1, sigmas: [1.1f], channels: [1]);
        var t = Run(all);
        var g = Run(green);
        int plane = all.Width * all.Height;
        for (int i = 0; i < plane; i++)
        {
            Assert.That(g[i], Is.EqualTo(t[plane + i]).Within(1e-7));
        }
    }

    [Test]
    public void Form_MismatchedGrid_ThrowsArgumentException()
    {
        var job = BackendJobs.Uniform(slices: 1, od: [0.1f]);
        var bad = new FormationJob
        {
            Od = job.Od, Slices = 1, SampleWidth = job.SampleWidth + 1,
            SampleHeight = job.SampleHeight, Halo = job.Halo, Width = job.Width,
            Height = job.Height, SubSamples = 1, BandRows = job.Height, Channels = [0],
            SigmaSamples = job.SigmaSamples,
        };
        Assert.Throws<ArgumentException>(
            () => _backend.Form(bad, new float[job.Width * job.Height * 3]));
    }

    [Test]
    public void Description_NamesTheBackend()
    {
        Assert.That(_backend.Description, Does.StartWith(_backend.Name + " ("));
    }

    private float[] Run(FormationJob job)
    {
        var t = new float[job.Channels.Length * job.Width * job.Height];
        _backend.Form(job, t);
        return t;
    }
}
