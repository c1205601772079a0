namespace Twin.Scanner.Algorithms;

/// <summary>
/// Real-time focusing: turns focusing-sensor read-outs into focus-axis targets, one per scan
/// position, ahead of the imaging line. Sees only sensor data, never the true surface.
/// </summary>
public interface IFocusController
{
    /// <summary>Name used to select this controller in a scenario.</summary>
    string Name { get; }

    /// <summary>Starts a stripe from a known height (a focus point or the previous stripe), µm.</summary>
    void BeginStripe(double startHeightUm);

    /// <summary>Digests one reading and returns the height to command at its scan position.</summary>
    FocusEstimate Update(FocusReading reading);
}
