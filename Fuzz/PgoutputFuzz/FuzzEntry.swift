/// libFuzzer's entry point (`scripts/soak-fuzz.sh` builds it with `-sanitize=fuzzer,address`): the input is a
/// replication stream in the captured fixtures' framing, each CopyData payload a 4-byte big-endian length and its
/// bytes (a length past the end takes what is left). Every payload goes through the envelope decoder, the pgoutput
/// decoder and the transaction assembler as capture feeds them. Typed errors are the expected answer to bad input;
/// a trap, an AddressSanitizer report, a leak, a slow input or unbounded memory is what libFuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func pgoutputFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var feed = StreamFeed()
    var offset = 0
    while offset < size {
        let lengthBytes = input[offset..<min(offset + 4, size)]
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        let start = offset + lengthBytes.count
        let end = start + min(length, size - start)
        feed.payloadReceived(Array(input[start..<end]))
        offset = end
    }
    RSSSampler.inputRun()
    return 0
}
