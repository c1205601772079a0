using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// Deterministic DICOM UIDs: <c>2.25.</c> followed by the decimal value of the first 128 bits of
/// SHA-256(seed, NUL, role), the UUID-derived root of PS3.5 B.2 that needs no registered
/// organisation root. The same seed and role always give the same UID; different roles (study,
/// series, one per instance) give unrelated ones.
/// </summary>
internal static class DicomUid
{
    /// <summary>UID of this implementation (file meta information), fixed.</summary>
    public static string ImplementationClass { get; } = Derive("GT450Twin", "implementation");

    /// <summary>
    /// Returns the UID for <paramref name="role"/> under <paramref name="seed"/>.
    /// </summary>
    public static string Derive(string seed, string role)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\0" + role));
        var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);

        // at most 39 digits, so the UID is at most 44 characters (the limit is 64)
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }
}
