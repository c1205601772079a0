using System.Globalization;

namespace Twin.Scanner.Files;

/// <summary>
/// Checks and formats the focal-plane offsets of <see cref="SvsMetadata.FocalPlanesUm"/>.
/// Offsets are written as <c>OffsetZ</c> in µm rounded to 0.001 µm: Bio-Formats counts the
/// planes by the distinct <c>OffsetZ</c> values it reads, so no two planes may round alike.
/// </summary>
internal static class SvsFocalPlanes
{
    /// <summary>Decimals of µm kept in <c>OffsetZ</c> (0.001 µm, 1 nm).</summary>
    public const int Decimals = 3;

    /// <summary>
    /// Throws ArgumentException unless the offsets are an odd count of finite values in
    /// ±<see cref="SvsMetadata.MaxFocalOffsetUm"/> µm, strictly ascending after rounding to
    /// 0.001 µm, with the middle one exactly 0 µm.
    /// </summary>
    public static void Validate(IReadOnlyList<double>? offsetsUm, string paramName)
    {
        if (offsetsUm is null)
        {
            throw new ArgumentNullException(paramName, "FocalPlanesUm must not be null");
        }

        int n = offsetsUm.Count;
        if (n < 1 || n > SvsMetadata.MaxFocalPlanes || n % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                Invariant($"FocalPlanesUm holds {n} planes; allowed an odd count in ")
                    + Invariant($"1..{SvsMetadata.MaxFocalPlanes}, centred on best focus"));
        }

        double max = SvsMetadata.MaxFocalOffsetUm;
        for (int i = 0; i < n; i++)
        {
            double z = offsetsUm[i];
            if (!(z >= -max && z <= max))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    Invariant($"FocalPlanesUm[{i}] = {z} µm is out of range; ")
                        + Invariant($"allowed -{max}..{max} µm"));
            }

            if (i > 0 && Rounded(z) <= Rounded(offsetsUm[i - 1]))
            {
                throw new ArgumentException(
                    Invariant($"FocalPlanesUm[{i}] = {z} µm does not follow ")
                        + Invariant($"FocalPlanesUm[{i - 1}] = {offsetsUm[i - 1]} µm; ")
                        + "offsets must ascend in steps of at least 0.001 µm",
                    paramName);
            }
        }

        double middle = offsetsUm[n / 2];
        if (middle != 0)
        {
            throw new ArgumentException(
                Invariant($"FocalPlanesUm[{n / 2}] = {middle} µm is the middle plane; ")
                    + "it must be best focus, 0 µm",
                paramName);
        }
    }

    /// <summary>Index of the best-focus plane (offset 0) among <paramref name="count"/>.</summary>
    public static int BestFocus(int count) => count / 2;

    /// <summary>
    /// The offset as written in <c>OffsetZ</c> and in messages: µm, at most three decimals,
    /// invariant culture, never "-0" (e.g. "-0.5", "0", "1.25").
    /// </summary>
    public static string Format(double offsetUm) =>
        Rounded(offsetUm).ToString("0.###", CultureInfo.InvariantCulture);

    // adding +0.0 turns a rounded -0.0 into 0.0
    private static double Rounded(double offsetUm) =>
        Math.Round(offsetUm, Decimals, MidpointRounding.AwayFromZero) + 0.0;

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
