namespace Twin.Mechanics.Racks;

/// <summary>What became of a slide in a rack run.</summary>
public enum SlideStatus
{
    /// <summary>The slide was scanned and its file written.</summary>
    Scanned = 0,

    /// <summary>The slide was skipped after a failure and reported.</summary>
    Failed = 1,
}
