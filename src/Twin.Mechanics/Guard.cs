using System.Globalization;

namespace Twin.Mechanics;

/// <summary>
/// Argument checks for the public edges of the mechanics layer. Each message names the argument,
/// its value, the allowed range and the unit, so a scenario author can fix the input directly.
/// </summary>
internal static class Guard
{
    public static void Positive(double value, string name, string unit)
    {
        // written as !(x > 0) so that NaN is refused as well
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, unit, "> 0"));
        }
    }

    public static void NonNegative(double value, string name, string unit)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, unit, ">= 0"));
        }
    }

    public static void InRange(double value, double min, double max, string name, string unit)
    {
        if (!(value >= min && value <= max))
        {
            string range = string.Create(CultureInfo.InvariantCulture, $"in [{min}, {max}]");
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, unit, range));
        }
    }

    private static string Message(string name, double value, string unit, string expected) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name} = {value} {unit} is out of range; expected {expected} {unit}.");
}
