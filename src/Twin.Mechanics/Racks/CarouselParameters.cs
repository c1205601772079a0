namespace Twin.Mechanics.Racks;

/// <summary>
/// The rack carousel of the scanner: how many racks it holds, slots per rack, and the time to
/// bring another rack to the slide gripper.
/// </summary>
public sealed record CarouselParameters
{
    /// <summary>The defaults below.</summary>
    public static CarouselParameters Default { get; } = new();

    /// <summary>Rack positions on the carousel, count. Default 15.</summary>
    // source: unverified. "450 slides in 15 racks" is the usual description of the GT 450
    // (vendor marketing; 510(k) K232202 confirms only continuous loading of up to 450 slides).
    public int RackPositions { get; init; } = 15;

    /// <summary>Slide slots in one rack, count. Default 30.</summary>
    // source: unverified. 450 slides / 15 racks.
    public int SlotsPerRack { get; init; } = 30;

    /// <summary>
    /// Turning the carousel to present another rack to the gripper, s. Default 5 s.
    /// </summary>
    // source: estimate. A carousel of 15 racks turns at most half a revolution at a gentle
    // speed for slides standing in open racks, plus a position check (rack and slot sensing).
    public double RackIndexS { get; init; } = 5.0;

    /// <summary>
    /// Checks every parameter once; throws <see cref="ArgumentOutOfRangeException"/> naming the
    /// parameter, its value, the allowed range and the unit.
    /// </summary>
    public void Validate()
    {
        Guard.InRange(RackPositions, 1, int.MaxValue, nameof(RackPositions), "racks");
        Guard.InRange(SlotsPerRack, 1, int.MaxValue, nameof(SlotsPerRack), "slots");
        Guard.NonNegative(RackIndexS, nameof(RackIndexS), "s");
    }
}
