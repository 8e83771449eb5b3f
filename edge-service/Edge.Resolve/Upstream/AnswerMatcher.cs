using System.Buffers.Binary;

namespace Edge.Resolve.Upstream;

/// <summary>Whether an upstream message answers the query we sent (RFC 5452 §4): a response (QR=1),
/// one question, the same name (ASCII case-insensitive), type and class. The id and the source
/// address are checked by whoever holds the in-flight table.</summary>
internal static class AnswerMatcher
{
    private const int HeaderLength = 12;
    private const int MaxNameOctets = 255;

    public static bool IsAnswerTo(ReadOnlySpan<byte> query, ReadOnlySpan<byte> answer)
    {
        if (answer.Length < HeaderLength || query.Length < HeaderLength)
            return false;
        if ((answer[2] & 0x80) == 0)
            return false;
        if (BinaryPrimitives.ReadUInt16BigEndian(answer[4..]) != 1 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
            return false;
        if (!TryQuestionEnd(query, out var queryEnd) || !TryQuestionEnd(answer, out var answerEnd) || queryEnd != answerEnd)
            return false;
        var queryName = query[HeaderLength..(queryEnd - 4)];
        var answerName = answer[HeaderLength..(answerEnd - 4)];
        for (var i = 0; i < queryName.Length; i++)
        {
            if (ToLower(queryName[i]) != ToLower(answerName[i]))
                return false;
        }
        return query.Slice(queryEnd - 4, 4).SequenceEqual(answer.Slice(answerEnd - 4, 4));
    }

    // The first question's name is never compressed (a pointer could only point into the header),
    // so a name with a pointer here does not match.
    private static bool TryQuestionEnd(ReadOnlySpan<byte> message, out int end)
    {
        end = 0;
        var offset = HeaderLength;
        while (true)
        {
            if (offset >= message.Length || offset - HeaderLength >= MaxNameOctets)
                return false;
            int length = message[offset];
            if (length == 0)
                break;
            if (length > 63)
                return false;
            offset += 1 + length;
        }
        end = offset + 1 + 4;
        return end <= message.Length;
    }

    // Length octets are at most 63, below 'A', so folding whole names never changes them.
    private static byte ToLower(byte value) => value is >= (byte)'A' and <= (byte)'Z' ? (byte)(value | 0x20) : value;
}
