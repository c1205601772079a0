namespace Twin.Optics.Compute;

/// <summary>
/// A compute device was asked for that this machine does not have, or by a name that is not
/// known. The message is short and stable (tests and the command line show it as it is).
/// </summary>
public sealed class ComputeDeviceException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public ComputeDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the failure underneath.</summary>
    public ComputeDeviceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
