namespace Edge.Resolve.Wire;

/// <summary>What reading a client's query concluded.</summary>
public enum QueryOutcome : byte
{
    /// <summary>One question, a header and EDNS0 the forwarder understands.</summary>
    Ok,

    /// <summary>RFC 1035 §4.1.1 FORMERR: not one question, records in the answer or authority
    /// section, a bad or compressed question name, a broken OPT (RFC 6891 §6.1.1), trailing octets.</summary>
    FormErr,

    /// <summary>An opcode other than QUERY.</summary>
    NotImp,

    /// <summary>EDNS version above 0 (RFC 6891 §6.1.3).</summary>
    BadVers,

    /// <summary>A question the forwarder does not serve: a class other than IN, zone transfers.</summary>
    Refused,

    /// <summary>No answer at all: shorter than a header, or a response (QR=1; answering those invites reflection loops).</summary>
    Drop,
}
