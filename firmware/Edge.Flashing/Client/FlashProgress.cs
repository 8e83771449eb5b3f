namespace Edge.Flashing.Client;

/// <param name="BytesConfirmed">Bytes the sensor has acknowledged.</param>
/// <param name="BytesPerSecond">Acknowledged bytes per second since the flash started, resumed bytes excluded.</param>
/// <param name="Remaining">Estimated time left; null until there is a rate.</param>
public readonly record struct FlashProgress(
    long BytesConfirmed, long TotalBytes, double BytesPerSecond, TimeSpan? Remaining, int Reconnects, long BytesResent);
