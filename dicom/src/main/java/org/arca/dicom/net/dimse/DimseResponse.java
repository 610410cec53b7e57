package org.arca.dicom.net.dimse;

/** A response as the SCU sees it: the command set and its data set bytes (identifier), if any. */
public record DimseResponse(Command command, byte[] data) {
    public int status() {
        return command.status();
    }

    public boolean isPending() {
        return Status.isPending(status());
    }

    public int messageIDBeingRespondedTo() {
        return command.messageIDBeingRespondedTo();
    }

    public int completed() {
        return command.getInt(Tag.NUMBER_OF_COMPLETED_SUBOPERATIONS, 0);
    }

    public int failed() {
        return command.getInt(Tag.NUMBER_OF_FAILED_SUBOPERATIONS, 0);
    }

    public int warning() {
        return command.getInt(Tag.NUMBER_OF_WARNING_SUBOPERATIONS, 0);
    }

    public int remaining() {
        return command.getInt(Tag.NUMBER_OF_REMAINING_SUBOPERATIONS, -1);
    }

    public String errorComment() {
        return command.getString(Tag.ERROR_COMMENT);
    }
}
