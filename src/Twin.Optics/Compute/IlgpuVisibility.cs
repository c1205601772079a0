using System.Runtime.CompilerServices;

// ILGPU builds kernels in a dynamic assembly of this name; it must see the internal types the
// kernels take (IlgpuRenderBackend.Dims)
[assembly: InternalsVisibleTo("ILGPURuntime")]
