using NUnit.Framework;
using Twin.Scenarios.Cli;

namespace Twin.Tests.Reports;

/// <summary>The terminal summary's in-focus column.</summary>
[TestFixture]
public sealed class SummaryFormatTests
{
    [TestCase(1.0, "100 %")]
    [TestCase(0.9962, "99.6 %")]
    [TestCase(0.99999, "99.9 %")]
    [TestCase(0.84, "84 %")]
    [TestCase(0.0, "0 %")]
    public void InFocus_Fraction_NeverRoundsUpTo100(double fraction, string shown)
    {
        Assert.That(Summary.InFocus(fraction), Is.EqualTo(shown));
    }
}
