-- Every picture or file of an inbound message (Twilio MediaUrl0 to MediaUrl{NumMedia-1}) as a JSON list, mediaUrl keeping the first
ALTER TABLE "InboundMessage" ADD COLUMN "mediaUrls" TEXT;
