namespace Edge.Resolve.Wire;

/// <summary>A client's query as <see cref="DnsQueryReader"/> read it: views into the client's bytes
/// and the lower-case dotted name written into the caller's buffer.</summary>
public readonly ref struct DnsQuery
{
    internal DnsQuery(ushort id, ushort flags, ReadOnlySpan<byte> question, int nameLength, ReadOnlySpan<byte> name,
        bool hasEdns, ushort ednsUdpSize, byte ednsVersion, bool dnssecOk)
    {
        Id = id;
        Flags = flags;
        Question = question;
        NameWireLength = nameLength;
        Name = name;
        HasEdns = hasEdns;
        EdnsUdpSize = ednsUdpSize;
        EdnsVersion = ednsVersion;
        DnssecOk = dnssecOk;
    }

    public ushort Id { get; }

    public ushort Flags { get; }

    public byte Opcode => (byte)((Flags & DnsFlags.OpcodeMask) >> 11);

    public bool RecursionDesired => (Flags & DnsFlags.RecursionDesired) != 0;

    public bool CheckingDisabled => (Flags & DnsFlags.CheckingDisabled) != 0;

    /// <summary>The question exactly as sent (name in wire form, type, class), echoed in answers; empty when it could not be read.</summary>
    public ReadOnlySpan<byte> Question { get; }

    public bool HasQuestion => !Question.IsEmpty;

    /// <summary>The name in wire form, its case as sent.</summary>
    public ReadOnlySpan<byte> NameWire => Question[..NameWireLength];

    internal int NameWireLength { get; }

    /// <summary>The name as lower-case dotted text without the trailing dot ("" for the root).
    /// Label octets are copied as they are (lower-cased): a label holding a '.' reads like two.</summary>
    public ReadOnlySpan<byte> Name { get; }

    public ushort Type => Question.IsEmpty ? (ushort)0 : (ushort)((Question[NameWireLength] << 8) | Question[NameWireLength + 1]);

    public ushort Class => Question.IsEmpty ? (ushort)0 : (ushort)((Question[NameWireLength + 2] << 8) | Question[NameWireLength + 3]);

    public bool HasEdns { get; }

    /// <summary>The client's advertised UDP payload size (RFC 6891 §6.2.3); meaningful with <see cref="HasEdns"/>.</summary>
    public ushort EdnsUdpSize { get; }

    public byte EdnsVersion { get; }

    /// <summary>The DO bit (RFC 3225).</summary>
    public bool DnssecOk { get; }
}
