using Twin.Mechanics.Network;

namespace Twin.Mechanics.Racks;

/// <summary>What happened to one slide in a rack run; all times in s from the run start.</summary>
public sealed record SlideRunRecord
{
    /// <summary>Rack the slide was in.</summary>
    public required string RackId { get; init; }

    /// <summary>Slot in the rack, 1-based.</summary>
    public required int Slot { get; init; }

    /// <summary>Slide identifier.</summary>
    public required string SlideId { get; init; }

    /// <summary>Time the operator offered the rack, s.</summary>
    public required double RackLoadedAtS { get; init; }

    /// <summary>
    /// Time the rack went into the carousel, s (later than offered when all positions were full).
    /// </summary>
    public required double RackInsertedAtS { get; init; }

    /// <summary>Time the gripper started on this slide, s.</summary>
    public required double StartS { get; init; }

    /// <summary>Time the slide was back in its slot (and its file closed), s.</summary>
    public required double EndS { get; init; }

    /// <summary>
    /// Time the slide spent in the scanner before its turn, s: start − insertion.
    /// </summary>
    public double WaitS => StartS - RackInsertedAtS;

    /// <summary>Scanned or failed.</summary>
    public required SlideStatus Status { get; init; }

    /// <summary>Why the slide failed; <see cref="SlideFailure.None"/> when scanned.</summary>
    public required SlideFailure Failure { get; init; }

    /// <summary>
    /// How the slide's file went to storage; null without a network or for a failed slide.
    /// </summary>
    public FileTransfer? Transfer { get; init; }

    /// <summary>Time the scanner waited for buffer space or the link on this slide, s.</summary>
    public double BufferStallS => Transfer is { } t ? t.BufferStallS + t.ThrottleS : 0;

    /// <summary>
    /// Time the slide is done for the lab, s: its file stored and registered, or back in its
    /// slot when there is no network model or no file.
    /// </summary>
    public double DoneS => Transfer is { } t ? Math.Max(EndS, t.StoredS) : EndS;
}
