import { graphql } from '../../gql';

export const CallerHistoryQuery = graphql(`
  query NewCallCallerHistory($phone: String!) {
    callerHistory(phone: $phone, limit: 5) {
      phone
      ticketCount
      flag {
        id
        reason
        flaggedAt
        flaggedBy
      }
      history {
        ... on CallerTicket {
          id
          number
          kind
          state
          categoryCode
          reportedAt
        }
      }
    }
  }
`);

export const NewCallReferenceQuery = graphql(`
  query NewCallReference($language: Language!) {
    districts {
      code
      name
    }
    categories(language: $language) {
      code
      name
      opdCode
      defaultKind
      attributes {
        code
        datatype
        description
        order
        required
        values {
          key
          name
        }
      }
    }
  }
`);

export const SuggestionsQuery = graphql(`
  query NewCallSuggestions($text: String!, $language: Language!) {
    categorySuggestions(text: $text, language: $language, limit: 3) {
      confidence
      category {
        code
        name
      }
    }
  }
`);

export const DuplicatesQuery = graphql(`
  query NewCallDuplicates($draft: DuplicateDraftInput!) {
    duplicateCandidates(draft: $draft, limit: 5) {
      candidates {
        id
        number
        state
        score
        reasons
        reportedAt
        village
      }
    }
  }
`);

export const CreateTicketMutation = graphql(`
  mutation NewCallCreate($input: CreateTicketInput!, $key: String) {
    createTicket(input: $input, idempotencyKey: $key) {
      __typename
      ... on TicketCreated {
        ticket {
          id
          number
          version
          state
        }
      }
      ... on InvalidTicketInput {
        message
        problems
      }
      ... on IdempotencyKeyReused {
        message
      }
    }
  }
`);

export const RecordInformationMutation = graphql(`
  mutation NewCallInformation($input: RecordInformationRequestInput!, $key: String) {
    recordInformationRequest(input: $input, idempotencyKey: $key) {
      __typename
      ... on TicketCreated {
        ticket {
          id
          number
          version
          state
        }
      }
      ... on InvalidTicketInput {
        message
        problems
      }
      ... on IdempotencyKeyReused {
        message
      }
    }
  }
`);


export const TriageMutation = graphql(`
  mutation NewCallTriage($input: TriageTicketInput!) {
    triageTicket(input: $input) {
      __typename
      ... on TicketChanged {
        ticket {
          id
          number
          version
          state
        }
      }
      ... on VersionConflict {
        message
      }
      ... on IllegalTransition {
        message
      }
      ... on InvalidTicketInput {
        message
        problems
      }
      ... on TicketNotFound {
        message
      }
    }
  }
`);

export const DispatchMutation = graphql(`
  mutation NewCallDispatch($input: DispatchTicketInput!) {
    dispatchTicket(input: $input) {
      __typename
      ... on TicketChanged {
        ticket {
          id
          number
          version
          state
        }
      }
      ... on VersionConflict {
        message
      }
      ... on IllegalTransition {
        message
      }
      ... on InvalidTicketInput {
        message
        problems
      }
      ... on TicketNotFound {
        message
      }
    }
  }
`);

export const MarkDuplicateMutation = graphql(`
  mutation NewCallMarkDuplicate($input: MarkDuplicateInput!) {
    markDuplicate(input: $input) {
      __typename
      ... on TicketChanged {
        ticket {
          id
          number
          version
          state
        }
      }
      ... on VersionConflict {
        message
      }
      ... on IllegalTransition {
        message
      }
      ... on InvalidTicketInput {
        message
        problems
      }
      ... on TicketNotFound {
        message
      }
    }
  }
`);
