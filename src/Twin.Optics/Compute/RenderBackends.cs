using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Twin.Optics.Compute;

/// <summary>
/// Chooses a compute backend by name: <c>cpu</c> (managed SIMD), <c>gpu</c> (the best ILGPU
/// accelerator: CUDA, then OpenCL), <c>auto</c> (gpu when present, else cpu) and
/// <c>ilgpu-cpu</c> (ILGPU's CPU emulator: ~700× slower than the managed path, for testing the
/// GPU kernels on tiny images where no GPU is present).
/// </summary>
public static class RenderBackends
{
    /// <summary>
    /// Largest difference in transmission (absolute, on the 0–1 scale) between two backends on
    /// the same job: float rounding, fused multiply–adds and exp implementations differ, nothing
    /// else may. 1e-4 is 0.03 of an 8-bit grey level.
    /// </summary>
    public const float AgreementTolerance = 1e-4f;

    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cpu", "gpu", "auto", "ilgpu-cpu"];

    /// <summary>
    /// Creates a backend by name (case-insensitive). Throws <see cref="ComputeDeviceException"/>
    /// for <c>gpu</c> when no CUDA or OpenCL device is present, and for unknown names.
    /// </summary>
    public static IRenderBackend Create(string device)
    {
        switch (device.Trim().ToLowerInvariant())
        {
            case "cpu":
                return new ManagedRenderBackend();
            case "gpu":
                return TryCreateGpu() ?? throw new ComputeDeviceException(
                    "no GPU found: ILGPU sees no CUDA or OpenCL device (use --device cpu)");
            case "auto":
                return TryCreateGpu() ?? new ManagedRenderBackend();
            case "ilgpu-cpu":
                var context = Context.Create(b => b.CPU().EnableAlgorithms());
                try
                {
                    return new IlgpuRenderBackend(context, context.GetCPUDevice(0), "ilgpu-cpu");
                }
                catch
                {
                    context.Dispose();
                    throw;
                }

            default:
                throw new ComputeDeviceException(
                    $"unknown device '{device}' (known: {string.Join(", ", Names)})");
        }
    }

    /// <summary>True when a CUDA or OpenCL device is present.</summary>
    public static bool GpuPresent()
    {
        using var context = GpuContext();
        return BestGpu(context) is not null;
    }

    /// <summary>
    /// The backends that can run here, by name: always <c>cpu</c> and <c>ilgpu-cpu</c>, and
    /// <c>gpu</c> when a device is present.
    /// </summary>
    public static IReadOnlyList<string> Present() =>
        GpuPresent() ? ["cpu", "gpu", "ilgpu-cpu"] : ["cpu", "ilgpu-cpu"];

    private static IRenderBackend? TryCreateGpu()
    {
        var context = GpuContext();
        try
        {
            var device = BestGpu(context);
            if (device is null)
            {
                context.Dispose();
                return null;
            }

            return new IlgpuRenderBackend(context, device, "gpu");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Dispose();
            throw new ComputeDeviceException($"GPU could not be started: {e.Message}", e);
        }
    }

    private static Context GpuContext() =>
        Context.Create(b => b.Cuda().OpenCL().EnableAlgorithms());

    private static Device? BestGpu(Context context) =>
        context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda)
        ?? context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.OpenCL);
}
