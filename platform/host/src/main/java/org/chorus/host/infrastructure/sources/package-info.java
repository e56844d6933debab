/**
 * Where import data comes from: a local file or folder, or an http(s) URL, possibly a zip.
 *
 * <p>Contract: {@link org.chorus.host.infrastructure.sources.SourceFetcher} hands back local files and owns
 * whatever temporary files it made until the caller closes the result. Downloads always have timeouts and a size
 * cap. It does not interpret the data.
 */
package org.chorus.host.infrastructure.sources;
