namespace Twin.Scanner.Algorithms;

/// <summary>
/// The focusing and ANS algorithms selectable by name (in sweep files), each with a one-line
/// description. The built-in defaults come first; variants sit beside them so they can be
/// compared on the same seeded slides.
/// </summary>
public static class AlgorithmRegistry
{
    private static readonly (string Name, string About, Func<IFocusController> Make)[] Focus =
    [
        ("contrast-ratio", "built-in: contrast ratio peak, least-squares line over 4 readings",
            () => new ContrastRatioFocusController()),
        ("contrast-ratio-nofit", "variant: contrast ratio peak, each reading used as it is "
            + "(no line fit)", () => new ContrastRatioFocusController { FitWindow = 1 }),
    ];

    private static readonly (string Name, string About, Func<IAnsCheck> Make)[] Ans =
    [
        ("neighbour-stripes", "built-in: plane fit to the heights of neighbouring stripes",
            () => new NeighbourStripeAnsCheck()),
        ("paired-median", "variant: median slope of heights paired by scan position",
            () => new PairedMedianAnsCheck()),
    ];

    /// <summary>Name of the built-in focus controller.</summary>
    public static string DefaultFocusController => Focus[0].Name;

    /// <summary>Name of the built-in ANS check.</summary>
    public static string DefaultAnsCheck => Ans[0].Name;

    /// <summary>Registered focus controller names, built-in first.</summary>
    public static IReadOnlyList<string> FocusControllerNames { get; } =
        Focus.Select(f => f.Name).ToArray();

    /// <summary>Registered ANS check names, built-in first.</summary>
    public static IReadOnlyList<string> AnsCheckNames { get; } = Ans.Select(a => a.Name).ToArray();

    /// <summary>
    /// A factory of fresh controllers for a registered name (a scan pass needs its own), or null
    /// for an unknown name. Names are exact (lower case).
    /// </summary>
    public static Func<IFocusController>? FocusController(string name) =>
        Focus.FirstOrDefault(f => f.Name == name).Make;

    /// <summary>A registered ANS check by name, or null for an unknown name.</summary>
    public static IAnsCheck? AnsCheck(string name) =>
        Ans.FirstOrDefault(a => a.Name == name).Make?.Invoke();

    /// <summary>A registered algorithm's one-line description, or null.</summary>
    public static string? Describe(string name) =>
        Focus.FirstOrDefault(f => f.Name == name).About
            ?? Ans.FirstOrDefault(a => a.Name == name).About;
}
