package io.lumasync.ui.upload;

import io.lumasync.store.JobState;
import io.lumasync.ui.common.Messages;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/** One file in the upload queue, observed by its row. */
public final class UploadItem {
    private final Path file;
    private final long size;
    private final StringProperty altText = new SimpleStringProperty("");
    private final ObjectProperty<JobState> state = new SimpleObjectProperty<>(JobState.PLANNED);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty result = new SimpleStringProperty(Messages.get("upload.waiting"));
    private final StringProperty url = new SimpleStringProperty("");

    public UploadItem(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    public Path file() {
        return file;
    }

    public String name() {
        return file.getFileName().toString();
    }

    public long size() {
        return size;
    }

    public StringProperty altTextProperty() {
        return altText;
    }

    public ObjectProperty<JobState> stateProperty() {
        return state;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty urlProperty() {
        return url;
    }
}
