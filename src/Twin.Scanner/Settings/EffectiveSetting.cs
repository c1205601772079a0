namespace Twin.Scanner.Settings;

/// <summary>A setting's value and where it came from (scanner default, rack override, rule).</summary>
/// <param name="Value">The value as text, as it is reported.</param>
/// <param name="Source">Where it came from, for example "scanner default" or "rack override".</param>
public sealed record EffectiveSetting(string Value, string Source);
