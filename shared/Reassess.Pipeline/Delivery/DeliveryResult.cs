namespace Reassess.Pipeline.Delivery;

/// <summary>
/// How one send went: delivered or not, after how many attempts, the last HTTP status (webhooks) and where it went,
/// redacted (the webhook's scheme and host, or the e-mail recipients). <see cref="Problem"/> says why it failed in words
/// safe to log and to keep in a delivery record: it never holds a webhook URL's path or query, nor a password.
/// </summary>
public sealed record DeliveryResult(bool Delivered, int Attempts, int? Status, string Destination, string? Problem)
{
    public static DeliveryResult Sent(int attempts, int? status, string destination) => new(true, attempts, status, destination, null);

    public static DeliveryResult Failed(int attempts, int? status, string destination, string problem) => new(false, attempts, status, destination, problem);

    public override string ToString() =>
        Delivered
            ? $"delivered to {Destination} after {Attempts} attempt{(Attempts == 1 ? "" : "s")}"
            : $"not delivered to {Destination} after {Attempts} attempt{(Attempts == 1 ? "" : "s")}: {Problem}";
}
