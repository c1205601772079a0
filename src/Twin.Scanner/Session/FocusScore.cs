namespace Twin.Scanner.Session;

/// <summary>
/// Scores commanded focus against the true section mid-plane at tissue sample points: RMS,
/// maximum, the fraction within half the depth of field, and the worst stripe-edge defocus.
/// </summary>
internal sealed class FocusScore(double depthOfFieldUm)
{
    private const int SamplesPerTile = 4;
    private double _sumSq;
    private double _max;
    private double _edgeMax;
    private long _n;
    private long _inFocus;

    public double Rms => _n == 0 ? 0 : Math.Sqrt(_sumSq / _n);

    public double Max => _max;

    public double EdgeMax => _edgeMax;

    public double InFocus => _n == 0 ? 0 : _inFocus / (double)_n;

    public void AddStripe(StripePass pass, double[] commanded, double yTop, double stripeUm)
    {
        double step = pass.TileUm / SamplesPerTile;
        int rows = (int)Math.Round(stripeUm / step);
        for (int i = 0; i < commanded.Length; i++)
        {
            for (int a = 0; a < SamplesPerTile; a++)
            {
                double x = pass.X0Um + (i * pass.TileUm) + ((a + 0.5) * step);
                for (int r = 0; r < rows; r++)
                {
                    double y = yTop + ((r + 0.5) * step);
                    if (!pass.HasTissue(x, y, step))
                    {
                        continue;
                    }

                    double e = commanded[i] - pass.TrueMidUm(x, y);
                    _sumSq += e * e;
                    _max = Math.Max(_max, Math.Abs(e));
                    _n++;
                    if (Math.Abs(e) <= 0.5 * depthOfFieldUm)
                    {
                        _inFocus++;
                    }

                    if (r == 0 || r == rows - 1)
                    {
                        _edgeMax = Math.Max(_edgeMax, Math.Abs(e));
                    }
                }
            }
        }
    }
}
