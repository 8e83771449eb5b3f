using System.Buffers.Binary;

namespace Edge.Resolve.Wire;

/// <summary>Writes a response to a query into a caller's buffer: the header from the query (id,
/// opcode, RD and CD copied, RA set), the client's question bytes exactly (0x20 case kept), the
/// records added, and an OPT record when the client sent EDNS (and only then). A record that
/// does not fit the client's limit turns the answer into header + question (+ OPT) with TC=1.</summary>
public ref struct DnsAnswerWriter
{
    /// <summary>Root owner, type, class, TTL, RDLENGTH: an OPT record without options.</summary>
    public const int OptLength = 11;

    private readonly Span<byte> _buffer;
    private readonly int _limit;
    private readonly bool _opt;
    private readonly ushort _optSize;
    private readonly bool _dnssecOk;
    private readonly int _questionEnd;
    private readonly bool _hasQuestion;
    private int _position;
    private int _answers;
    private int _authority;
    private int _additional;
    private bool _truncated;
    private readonly int _rcode;

    /// <param name="limit">The most octets the client may get (see <see cref="ClientLimit"/>).</param>
    /// <param name="advertisedUdpSize">The UDP size written into the OPT record.</param>
    public DnsAnswerWriter(Span<byte> buffer, in DnsQuery query, int rcode, int limit, ushort advertisedUdpSize)
    {
        _buffer = buffer;
        _limit = Math.Min(limit, buffer.Length);
        _opt = query.HasEdns;
        _optSize = advertisedUdpSize;
        _dnssecOk = query.DnssecOk;
        _rcode = rcode;
        var flags = (ushort)(DnsFlags.Response | (query.Flags & (DnsFlags.OpcodeMask | DnsFlags.RecursionDesired | DnsFlags.CheckingDisabled))
            | DnsFlags.RecursionAvailable | (rcode & DnsFlags.RcodeMask));
        BinaryPrimitives.WriteUInt16BigEndian(buffer, query.Id);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], flags);
        buffer[4..DnsFlags.HeaderLength].Clear();
        _position = DnsFlags.HeaderLength;
        _hasQuestion = query.HasQuestion && DnsFlags.HeaderLength + query.Question.Length + (_opt ? OptLength : 0) <= _limit;
        if (_hasQuestion)
        {
            query.Question.CopyTo(buffer[_position..]);
            _position += query.Question.Length;
            buffer[5] = 1;
        }
        _questionEnd = _position;
    }

    public readonly bool Truncated => _truncated;

    public void AddAnswer(ushort type, uint ttl, scoped ReadOnlySpan<byte> data) => Add(type, ttl, data, ref _answers);

    /// <summary>A synthetic SOA owned by the question's name, so that resolvers cache the negative
    /// answer for <paramref name="ttl"/> (RFC 2308 §3: min of the SOA TTL and MINIMUM, both this).</summary>
    public void AddNegativeSoa(uint ttl)
    {
        Span<byte> data = stackalloc byte[SoaPrefix.Length + 20];
        SoaPrefix.CopyTo(data);
        var fields = data[SoaPrefix.Length..];
        BinaryPrimitives.WriteUInt32BigEndian(fields, 1); // serial
        BinaryPrimitives.WriteUInt32BigEndian(fields[4..], 3600); // refresh
        BinaryPrimitives.WriteUInt32BigEndian(fields[8..], 600); // retry
        BinaryPrimitives.WriteUInt32BigEndian(fields[12..], 86400); // expire
        BinaryPrimitives.WriteUInt32BigEndian(fields[16..], ttl); // minimum
        Add(6, ttl, data, ref _authority);
    }

    /// <summary>MNAME sinkhole.edge.invalid. (RFC 6761 §6.4: never resolves), RNAME the root.</summary>
    private static ReadOnlySpan<byte> SoaPrefix => "\u0008sinkhole\u0004edge\u0007invalid\u0000\u0000"u8;

    private void Add(ushort type, uint ttl, scoped ReadOnlySpan<byte> data, ref int count)
    {
        if (_truncated || !_hasQuestion)
            return;
        var length = 2 + 10 + data.Length;
        if (_position + length + (_opt ? OptLength : 0) > _limit)
        {
            _truncated = true;
            return;
        }
        var record = _buffer[_position..];
        // The owner is the question's name: a pointer to offset 12 (RFC 1035 §4.1.4).
        BinaryPrimitives.WriteUInt16BigEndian(record, 0xC00C);
        BinaryPrimitives.WriteUInt16BigEndian(record[2..], type);
        BinaryPrimitives.WriteUInt16BigEndian(record[4..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(record[6..], ttl);
        BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)data.Length);
        data.CopyTo(record[12..]);
        _position += length;
        count++;
    }

    /// <summary>Counts, TC and OPT; returns the response's length.</summary>
    public int Finish()
    {
        if (_truncated)
        {
            _position = _questionEnd;
            _answers = _authority = 0;
            _buffer[2] |= (byte)(DnsFlags.Truncated >> 8);
        }
        if (_opt && _position + OptLength <= _buffer.Length)
        {
            _position += WriteOpt(_buffer[_position..], _optSize, _rcode >> 4, _dnssecOk);
            _additional++;
        }
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[6..], (ushort)_answers);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[8..], (ushort)_authority);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[10..], (ushort)_additional);
        return _position;
    }

    /// <summary>An OPT record without options: version 0, the DO bit echoed (RFC 3225 §3).</summary>
    public static int WriteOpt(Span<byte> destination, ushort udpSize, int extendedRcode, bool dnssecOk)
    {
        destination[0] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], 41);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], udpSize);
        destination[5] = (byte)extendedRcode;
        destination[6] = 0;
        destination[7] = dnssecOk ? (byte)0x80 : (byte)0;
        destination[8] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[9..], 0);
        return OptLength;
    }
}
