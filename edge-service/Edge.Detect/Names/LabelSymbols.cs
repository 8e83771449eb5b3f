namespace Edge.Detect.Names;

/// <summary>The 38-symbol alphabet of the DGA model: 0 = label boundary, 1-26 = a-z (either case),
/// 27-36 = 0-9, 37 = hyphen and any other octet.</summary>
internal static class LabelSymbols
{
    public const int Count = 38;
    public const int Boundary = 0;

    public static int Of(byte octet)
    {
        if (octet is >= (byte)'a' and <= (byte)'z')
            return octet - 'a' + 1;
        if (octet is >= (byte)'A' and <= (byte)'Z')
            return octet - 'A' + 1;
        if (octet is >= (byte)'0' and <= (byte)'9')
            return octet - '0' + 27;
        return 37;
    }
}
