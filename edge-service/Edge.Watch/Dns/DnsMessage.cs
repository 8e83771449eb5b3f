using System.Buffers.Binary;

namespace Edge.Watch.Dns;

/// <summary>A validated DNS message (RFC 1035 §4.1): header fields read from the span, the first
/// question and the EDNS0 OPT facts found while validating.</summary>
public readonly ref struct DnsMessage
{
    private readonly int _recordsOffset;
    private readonly uint _ednsTtl;

    internal DnsMessage(
        ReadOnlySpan<byte> raw,
        int recordsOffset,
        int questionNameOffset,
        ushort questionType,
        ushort questionClass,
        bool hasEdns,
        ushort ednsUdpSize,
        uint ednsTtl)
    {
        Raw = raw;
        _recordsOffset = recordsOffset;
        QuestionNameOffset = questionNameOffset;
        QuestionType = questionType;
        QuestionClass = questionClass;
        HasEdns = hasEdns;
        EdnsUdpSize = ednsUdpSize;
        _ednsTtl = ednsTtl;
    }

    public ReadOnlySpan<byte> Raw { get; }

    public ushort Id => Read16(0);

    public bool IsResponse => (Flags & 0x8000) != 0;

    public byte Opcode => (byte)((Flags >> 11) & 0x0F);

    public bool Authoritative => (Flags & 0x0400) != 0;

    public bool Truncated => (Flags & 0x0200) != 0;

    public bool RecursionDesired => (Flags & 0x0100) != 0;

    public bool RecursionAvailable => (Flags & 0x0080) != 0;

    public bool AuthenticData => (Flags & 0x0020) != 0;

    public bool CheckingDisabled => (Flags & 0x0010) != 0;

    /// <summary>The 4-bit RCODE of the header alone.</summary>
    public ushort HeaderRcode => (ushort)(Flags & 0x000F);

    /// <summary>The header RCODE extended by the OPT record's upper 8 bits (RFC 6891 §6.1.3).</summary>
    public ushort Rcode => (ushort)((EdnsExtendedRcode << 4) | HeaderRcode);

    public ushort QuestionCount => Read16(4);

    public ushort AnswerCount => Read16(6);

    public ushort AuthorityCount => Read16(8);

    public ushort AdditionalCount => Read16(10);

    public bool HasQuestion => QuestionCount > 0 && QuestionNameOffset > 0;

    /// <summary>Offset of the first question's name; read it with <see cref="DnsName.TryRead"/>.</summary>
    public int QuestionNameOffset { get; }

    public ushort QuestionType { get; }

    public ushort QuestionClass { get; }

    public bool HasEdns { get; }

    public ushort EdnsUdpSize { get; }

    public byte EdnsExtendedRcode => (byte)(_ednsTtl >> 24);

    public byte EdnsVersion => (byte)(_ednsTtl >> 16);

    public bool EdnsDnssecOk => (_ednsTtl & 0x8000) != 0;

    public DnsRecordEnumerator Records => Raw.Length < DnsLimits.HeaderLength
        ? default
        : new DnsRecordEnumerator(Raw, _recordsOffset, AnswerCount, AuthorityCount, AdditionalCount);

    private ushort Flags => Read16(2);

    private ushort Read16(int offset) =>
        Raw.Length < DnsLimits.HeaderLength ? (ushort)0 : BinaryPrimitives.ReadUInt16BigEndian(Raw[offset..]);
}
