/**
 * The JSON bodies (params and results) of the protocol's methods as records; the field names go
 * over the wire in snake_case (see PROTOCOL.md). Records of the api package are used directly where
 * they fit.
 */
package org.memnav.simbridge.protocol.message;
