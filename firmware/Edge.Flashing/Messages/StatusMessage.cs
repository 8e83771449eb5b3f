using System.Buffers.Binary;
using System.Text;

namespace Edge.Flashing.Messages;

/// <summary>
/// Result: [installed u8][code u16][message UTF-8, rest of payload]. Error and Abort: the same
/// with installed = 0. Codes below 0x100 are the protocol's (<see cref="StatusCode"/>); the
/// install hook's own refusal codes start at 0x100.
/// </summary>
public sealed record StatusMessage(bool Installed, ushort Code, string Text)
{
    public int Write(Span<byte> destination)
    {
        destination[0] = Installed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[1..], Code);
        return 3 + ShortString.WriteRest(Text, destination[3..]);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out StatusMessage? message)
    {
        message = null;
        if (payload.Length < 3 || payload[0] > 1)
            return false;
        message = new StatusMessage(payload[0] == 1, BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]), Encoding.UTF8.GetString(payload[3..]));
        return true;
    }
}
