namespace Twin.Scenarios.Cli;

/// <summary>Process exit codes of the command line.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A failure inside the run.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: scenario, settings, command line or image file.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled by the user (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
