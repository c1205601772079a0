using Twin.Mechanics.Timing;
using Twin.Optics.Rendering;
using Twin.Scanner.Algorithms;

namespace Twin.Scanner.Session;

/// <summary>The models and algorithms a scan session runs with; each has a built-in default.</summary>
public sealed record ScanSessionOptions
{
    /// <summary>Camera noise model.</summary>
    public SensorModel Sensor { get; init; } = SensorModel.Default;

    /// <summary>Tilted focusing sensor.</summary>
    public FocusingSensorModel FocusingSensor { get; init; } = FocusingSensorModel.Default;

    /// <summary>Focus axis dynamics.</summary>
    public FocusAxisModel FocusAxis { get; init; } = FocusAxisModel.Default;

    /// <summary>Camera, stage and handler mechanics (line rate, sensor pixels, timing).</summary>
    public MechanicsParameters Mechanics { get; init; } = MechanicsParameters.Default;

    /// <summary>Tissue finding on the macro image.</summary>
    public ITissueFinder TissueFinder { get; init; } = new ThresholdTissueFinder();

    /// <summary>Makes a fresh real-time focus controller for a pass.</summary>
    public Func<IFocusController> FocusController { get; init; } =
        () => new ContrastRatioFocusController();

    /// <summary>ANS tilt check.</summary>
    public IAnsCheck AnsCheck { get; init; } = new NeighbourStripeAnsCheck();

    /// <summary>False renders only what focusing needs (no image tiles): sweeps use this.</summary>
    public bool RenderImage { get; init; } = true;
}
