/**
 * <h2>Network</h2>
 *
 * <p>The DICOM Upper Layer (PS3.8), DIMSE (PS3.7) and TLS (PS3.15 BCP 195) for Arca, on the JDK
 * alone. Sub-packages: {@code pdu} (PDU encoding/strict decoding, {@code PduInput}/{@code
 * PduOutput}) and {@code dimse} (command sets, PDV streams, service handlers). Data sets are
 * byte streams in the presentation context's transfer syntax; parsing them is the caller's job.
 *
 * <h3>Accepting associations (SCP)</h3>
 * <pre>{@code
 * ApplicationEntity ae = new ApplicationEntity("DCM4CHEE")
 *     .acceptCallingAETitles("MODALITY1")                 // none = any calling AE
 *     .addTransferCapability(TransferCapability.scp(TransferCapability.ANY, TransferCapability.ANY))
 *     .addTransferCapability(TransferCapability.scu(CT_IMAGE_STORAGE, EXPLICIT_LE)) // C-GET sub-operations
 *     .onStore((rq, data) -> { ...stream data to storage...; return Status.SUCCESS; })
 *     .onFind((rq, keys, rsp) -> { rsp.pending(match); return Status.SUCCESS; })
 *     .onMove((rq, keys, rsp) -> { ...connect to rq.moveDestination(), store...; return Status.SUCCESS; })
 *     .onGet((rq, keys, rsp) -> { rsp.store(cuid, iuid, tsuid, out -> ...); return Status.SUCCESS; })
 *     .onNAction((rq, info) -> DimseResult.of(Status.SUCCESS));
 * DicomServer server = new DicomServer(new ConnectionOptions().idleTimeout(60_000))
 *     .addApplicationEntity(ae).start(11112);          // binds 127.0.0.1; start(host, port) otherwise
 * }</pre>
 * <p>Rejections follow PS3.8: unknown called AE gives A-ASSOCIATE-RJ (1, 1, 7), calling AE not
 * accepted (1, 1, 3), foreign application context (1, 1, 2), protocol version (1, 2, 2), a
 * rejected user identity (1, 1, 1), too many associations (2, 3, 2). Presentation contexts get
 * acceptance, user-rejection (role not offered), abstract-syntax-not-supported or
 * transfer-syntaxes-not-supported; SCP/SCU role selection, the asynchronous operations window,
 * SOP class extended negotiation ({@code ApplicationEntity.extendedNegotiator}) and user identity
 * ({@code userIdentityValidator}; Kerberos/SAML/JWT are passed as opaque bytes) are answered.
 *
 * <p>Handlers run on a bounded pool; the association's reader thread keeps reading, so a
 * C-CANCEL reaches a running C-FIND/C-MOVE/C-GET ({@code rsp.pending(..)} then returns false).
 * A C-STORE's data set reaches {@code onStore} as an {@link java.io.InputStream} fed PDV by PDV
 * through a small bounded queue: a 2 GB object never sits in memory, and an A-ABORT or lost
 * connection makes the stream throw, so the handler can delete the partial object. The C-STORE
 * response is sent only after the handler returned and the whole data set arrived. A handler
 * throwing {@code DicomServiceException} answers with its status and error comment.
 *
 * <h3>Requesting associations (SCU)</h3>
 * <pre>{@code
 * AAssociateRQ rq = new AAssociateRQ();
 * rq.callingAET("ARCA"); rq.calledAET("STORESCP");
 * rq.propose(Association.VERIFICATION, IMPLICIT_LE);
 * rq.propose(CT_IMAGE_STORAGE, EXPLICIT_LE);
 * Association as = Association.connect("127.0.0.1", 11113, rq, new ConnectionOptions());
 * as.echo();
 * as.store(CT_IMAGE_STORAGE, iuid, EXPLICIT_LE, out -> Files.copy(dataSetFile, out));
 * as.find(cuid, keys, match -> ...); as.move(cuid, "DEST", keys, null);
 * as.get(cuid, keys, null);      // instances arrive at the ServiceHandlers passed to connect()
 * as.release();                   // or as.abort()
 * }</pre>
 * <p>Operations block until the final response and are thread-safe; up to the negotiated
 * asynchronous window may be outstanding at once. {@code AssociationRejectedException} carries
 * result/source/reason, {@code AssociationAbortedException} the A-ABORT, {@code
 * DimseTimeoutException} a missed DIMSE timeout (the association is then aborted). With {@code
 * ConnectionOptions.callerReads(true)} (the command-line SCUs) there is no reader thread: the
 * thread waiting for a response reads the PDUs itself, one operation at a time.
 *
 * <h3>Wire behaviour</h3>
 * <p>TCP_NODELAY on every socket. Plain TCP goes through the socket's non-blocking channel
 * ({@code Transport}): a C-STORE data set is read by the kernel into pooled direct buffers that
 * a handler can write to a file as they are ({@link org.arca.dicom.net.dimse.PdvInputStream#transferTo});
 * TLS uses the SSLSocket's streams. Outgoing P-DATA-TF PDUs never exceed the peer's maximum PDU
 * length (each PDU is assembled in one reusable buffer and written at once); incoming ones longer
 * than ours abort the association (A-ABORT, service-provider, invalid-PDU-parameter-value). An
 * unknown PDU type gives reason unrecognized-PDU, a PDU out of place unexpected-PDU, malformed
 * items invalid/unrecognized-PDU-parameter; the connection then closes, the server serves on.
 * Timers ({@link org.arca.dicom.net.ConnectionOptions}): ARTIM (wait for the A-ASSOCIATE-RQ, and
 * for the close after release/reject/abort), ACSE (wait for AC/RJ and A-RELEASE-RP), DIMSE (per
 * response) and idle (no PDU while nothing is outstanding). Release collisions are resolved as in
 * PS3.8 (requestor answers first).
 *
 * <h3>TLS</h3>
 * <p>{@code new ConnectionOptions().tls(TlsSettings.fromPem(key, certChain, caCerts))}: TLS 1.3/1.2
 * only, the RFC 9325 AEAD cipher suites, client certificates required by default. PEM keys in
 * PKCS#8 or PKCS#1 (RSA) form, as openssl writes them.
 */
package org.arca.dicom.net;
