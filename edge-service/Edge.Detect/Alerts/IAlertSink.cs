namespace Edge.Detect.Alerts;

public interface IAlertSink
{
    void Raise(Alert alert);
}
