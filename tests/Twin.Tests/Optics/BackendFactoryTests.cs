using NUnit.Framework;
using Twin.Optics.Compute;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>Choosing a backend by name.</summary>
[TestFixture]
public sealed class BackendFactoryTests
{
    [TestCase("cpu")]
    [TestCase("CPU")]
    [TestCase(" cpu ")]
    public void Create_Cpu_GivesManagedSimdWithEveryCore(string name)
    {
        using var backend = RenderBackends.Create(name);
        Assert.That(backend, Is.InstanceOf<ManagedRenderBackend>());
        Assert.That(backend.Description, Does.StartWith("cpu (managed SIMD")
            .And.EndWith($"{Environment.ProcessorCount} threads)"));
    }

    [Test]
    public void Create_GpuWithoutDevice_ThrowsWithAClearMessage()
    {
        if (RenderBackends.GpuPresent())
        {
            Assert.Ignore("this machine has a GPU");
        }

        var e = Assert.Throws<ComputeDeviceException>(() => RenderBackends.Create("gpu"));
        Assert.That(e!.Message, Is.EqualTo(
            "no GPU found: ILGPU sees no CUDA or OpenCL device (use --device cpu)"));
    }

    [Test]
    public void Create_Auto_GivesGpuWhenPresentElseCpu()
    {
        using var backend = RenderBackends.Create("auto");
        Assert.That(backend.Name, Is.EqualTo(RenderBackends.GpuPresent() ? "gpu" : "cpu"));
    }

    [Test]
    public void Create_UnknownName_ListsTheKnownOnes()
    {
        var e = Assert.Throws<ComputeDeviceException>(() => RenderBackends.Create("tpu"));
        Assert.That(e!.Message,
            Is.EqualTo("unknown device 'tpu' (known: cpu, gpu, auto, ilgpu-cpu)"));
    }

    [Test]
    public void ImageFormer_NoBackendGiven_UsesTheSharedManagedCpu()
    {
        var former = new ImageFormer(
            new ProceduralTissueVolume(TissueKinds.Skin, 100, 100, 4, 1), ObjectiveModel.Forty,
            SensorModel.Default);
        Assert.That(former.Backend, Is.SameAs(ManagedRenderBackend.Shared));
    }
}
