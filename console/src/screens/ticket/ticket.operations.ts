import { graphql } from '../../gql';

export const TicketDetailQuery = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      id
      number
      version
      state
      kind
      priority
      categoryCode
      opdCode
      description
      reportedAt
      outcomeNote
      duplicateOfId
      channel
      channelPlatform
      channelAccount
      channelReference
      allowedCommands
      location {
        district
        village
        address
        latitude
        longitude
      }
      attributes {
        code
        values
      }
      sla {
        metric
        state
        targetMinutes
        remainingMinutes
        percentElapsed
        dueAt
        calendar
      }
      events {
        id
        seq
        type
        actorId
        actorRole
        fromState
        toState
        occurredAt
        payload
      }
      files {
        id
        kind
        mediaType
        url
        size
        eventSeq
      }
    }
  }
`);


export const AddNoteMutation = graphql(`
  mutation TicketAddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      __typename
      ... on TicketChanged { ticket { id version } }
      ... on VersionConflict { message currentVersion }
      ... on IllegalTransition { message }
      ... on InvalidTicketInput { message problems }
      ... on TicketNotFound { message }
    }
  }
`);

/** Each event of one ticket as it commits (graphql-ws): the screen says when it is out of date. */
export const TicketEventsSubscription = graphql(`
  subscription TicketLiveEvents($filter: TicketEventsFilter) {
    ticketEvents(filter: $filter) {
      eventId
      version
      type
    }
  }
`);
