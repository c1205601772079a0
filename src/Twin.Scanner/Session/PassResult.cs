using Twin.Scanner.Algorithms;

namespace Twin.Scanner.Session;

/// <summary>
/// A finished (or tripped) pass: its scores, the bytes written and, per stripe, the heights the
/// scanner measured itself (what the ANS check judged).
/// </summary>
internal sealed record PassResult(
    PassOutcome Outcome, long Bytes, IReadOnlyList<IReadOnlyList<FocusSample>> StripeSamples);
