namespace Twin.Optics.Tissue;

/// <summary>
/// A tissue seed image that cannot be used: missing, unreadable, not a PNG or JPEG, corrupt,
/// truncated or too large. The message is short and stable, "<c>path: reason</c>", so that a
/// scenario author sees which file failed and why, and tests can assert it exactly.
/// </summary>
public sealed class TissueImageException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with a short reason.</summary>
    public TissueImageException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The image path as the caller gave it.</summary>
    public string Path { get; }

    /// <summary>
    /// Why the file was refused, without the path (for example "file not found").
    /// </summary>
    public string Reason { get; }
}
