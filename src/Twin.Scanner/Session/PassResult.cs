namespace Twin.Scanner.Session;

/// <summary>A finished (or tripped) pass: its scores and the bytes written.</summary>
internal sealed record PassResult(PassOutcome Outcome, long Bytes);
