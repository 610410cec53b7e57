package org.arca.dicom.net;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arca.dicom.net.dimse.Handlers;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.pdu.AAssociateRJ;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.UserIdentity;

/**
 * An AE served by a {@link DicomServer}: its title, whom it talks to, what it accepts and the
 * handlers that do the work.
 */
public final class ApplicationEntity {

    /** Validates a requestor's identity; returns the server response (may be empty) or throws to reject. */
    @FunctionalInterface
    public interface UserIdentityValidator {
        byte[] validate(String callingAET, UserIdentity identity) throws GeneralSecurityException;
    }

    /** Answers SOP Class Extended Negotiation; null means "not supported" (no item in the AC). */
    @FunctionalInterface
    public interface ExtendedNegotiator {
        byte[] negotiate(String sopClass, byte[] requested);
    }

    /**
     * Looks at a request after the AE titles were checked, before presentation contexts are
     * negotiated: returns null to go on, or the A-ASSOCIATE-RJ to answer (e.g. a storage SCP
     * that refuses everyone, or peers without an Implementation Class UID).
     */
    @FunctionalInterface
    public interface AssociationFilter {
        AAssociateRJ check(AAssociateRQ rq);
    }

    private final String aeTitle;
    private final Set<String> acceptedCallingAETitles = new LinkedHashSet<>();
    private final List<TransferCapability> capabilities = new ArrayList<>();
    private final ServiceHandlers handlers = new ServiceHandlers();
    private UserIdentityValidator userIdentityValidator;
    private boolean userIdentityRequired;
    private ExtendedNegotiator extendedNegotiator;
    private AssociationFilter associationFilter;

    public ApplicationEntity(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public String aeTitle() {
        return aeTitle;
    }

    /** Restricts calling AE titles; none configured means any is accepted. */
    public ApplicationEntity acceptCallingAETitles(String... titles) {
        Collections.addAll(acceptedCallingAETitles, titles);
        return this;
    }

    public boolean acceptsCallingAET(String aet) {
        return acceptedCallingAETitles.isEmpty() || acceptedCallingAETitles.contains(aet);
    }

    public ApplicationEntity addTransferCapability(TransferCapability tc) {
        capabilities.add(tc);
        return this;
    }

    public List<TransferCapability> transferCapabilities() {
        return Collections.unmodifiableList(capabilities);
    }

    /** First capability for the SOP class in our role, exact SOP class before wildcard. */
    public TransferCapability capability(String sopClass, TransferCapability.Role role) {
        TransferCapability wildcard = null;
        for (TransferCapability tc : capabilities) {
            if (tc.matches(sopClass, role)) {
                if (!TransferCapability.ANY.equals(tc.sopClass())) {
                    return tc;
                }
                if (wildcard == null) {
                    wildcard = tc;
                }
            }
        }
        return wildcard;
    }

    public ServiceHandlers handlers() {
        return handlers;
    }

    public ApplicationEntity onEcho(Handlers.EchoHandler h) {
        handlers.onEcho(h);
        return this;
    }

    public ApplicationEntity onStore(Handlers.StoreHandler h) {
        handlers.onStore(h);
        return this;
    }

    public ApplicationEntity onFind(Handlers.FindHandler h) {
        handlers.onFind(h);
        return this;
    }

    public ApplicationEntity onMove(Handlers.MoveHandler h) {
        handlers.onMove(h);
        return this;
    }

    public ApplicationEntity onGet(Handlers.GetHandler h) {
        handlers.onGet(h);
        return this;
    }

    public ApplicationEntity onNAction(Handlers.NActionHandler h) {
        handlers.onNAction(h);
        return this;
    }

    public ApplicationEntity onNEventReport(Handlers.NEventReportHandler h) {
        handlers.onNEventReport(h);
        return this;
    }

    public UserIdentityValidator userIdentityValidator() {
        return userIdentityValidator;
    }

    /** Validates user identities; with {@code required}, requests without one are rejected. */
    public ApplicationEntity userIdentityValidator(UserIdentityValidator v, boolean required) {
        userIdentityValidator = v;
        userIdentityRequired = required;
        return this;
    }

    public boolean userIdentityRequired() {
        return userIdentityRequired;
    }

    public ExtendedNegotiator extendedNegotiator() {
        return extendedNegotiator;
    }

    public ApplicationEntity extendedNegotiator(ExtendedNegotiator n) {
        extendedNegotiator = n;
        return this;
    }

    public AssociationFilter associationFilter() {
        return associationFilter;
    }

    public ApplicationEntity associationFilter(AssociationFilter f) {
        associationFilter = f;
        return this;
    }
}
