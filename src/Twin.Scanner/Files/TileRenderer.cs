namespace Twin.Scanner.Files;

/// <summary>
/// Renders one square RGB tile of the scanned area as the scanner would image it.
/// </summary>
/// <param name="appMag">Magnification, 40 or 20 (pixel size 0.26 or 0.52 µm by default).</param>
/// <param name="xUm">Left edge of the tile in the scanned area's frame, µm.</param>
/// <param name="yUm">Top edge of the tile in the scanned area's frame, µm.</param>
/// <param name="rgb">
/// Receives TileSize² interleaved RGB bytes, row-major. Called from several threads at once.
/// </param>
public delegate void TileRenderer(int appMag, double xUm, double yUm, Span<byte> rgb);
