namespace Edge.Detect.Findings;

public interface IFindingSink
{
    void Report(Finding finding);
}
