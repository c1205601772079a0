namespace Twin.Scanner.Session;

/// <summary>Per-pass scores against the ground truth and the pass's shape.</summary>
internal sealed record PassOutcome(
    int Stripes, int StripePixels, bool Tripped, int StripesDone, double? TiltEstimateDeg,
    double FocusErrorRmsUm, double FocusErrorMaxUm, double InFocusFraction,
    double EdgeDefocusMaxUm, int HeldReadings, int Readings);
