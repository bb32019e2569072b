import Foundation

/// Picks a TCP port on 127.0.0.1 that nothing listens on right now.
public enum FreePort {
    /// A port nothing listens on now (another process may take it before the caller binds it).
    public static func pick() throws(ClusterError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClusterError("cannot open a socket (errno \(errno))", fix: "check the loopback interface") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw ClusterError("cannot bind 127.0.0.1 (errno \(errno))", fix: "check the loopback interface") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
