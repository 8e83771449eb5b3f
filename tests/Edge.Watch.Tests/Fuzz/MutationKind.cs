namespace Edge.Watch.Tests.Fuzz;

public enum MutationKind : byte
{
    FieldExtreme,
    BitFlips,
    ByteSet,
    Truncate,
    Extend,
    Splice,
}
